import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';
import { useTurnClock } from '../floor/useTurnClock';

const m = defineMessages({
  heading: { id: 'format.TimekeeperTools.heading', defaultMessage: 'You keep time' },
  idle: { id: 'format.TimekeeperTools.idle', defaultMessage: 'Nobody has the word.' },
  holder: { id: 'format.TimekeeperTools.holder', defaultMessage: '{name} has the word: {time}' },
  signal: { id: 'format.TimekeeperTools.signal', defaultMessage: 'Signal time to {name}' },
  signalled: {
    id: 'format.TimekeeperTools.signalled',
    defaultMessage: 'Signalled. {name} saw a gentle note.',
  },
  hint: {
    id: 'format.TimekeeperTools.hint',
    defaultMessage: 'Once per turn, only the speaker sees it. The facilitators decide everything else.',
  },
  notice: {
    id: 'format.TimekeeperTools.notice',
    defaultMessage: 'A gentle time signal: please begin to bring your share to a close.',
  },
  dismiss: { id: 'format.TimekeeperTools.dismiss', defaultMessage: 'Dismiss the time signal' },
});

/** For the Timekeeper alone: the speaker's turn time, and one gentle signal per turn. Nothing else. */
export function TimekeeperTools() {
  const intl = useIntl();
  const { view, me, act, nameOf } = useRoomContext();
  const turn = view.floor.holder;
  const clock = useTurnClock();
  const [sentFor, setSentFor] = useState<string | null>(null);
  if (view.format?.timekeeper !== me.pid) return null;
  const turnKey = turn ? `${turn.pid}:${turn.startedAt}` : null;
  const name = turn ? nameOf(turn.pid) : '';

  async function signal() {
    if (!turn || !turnKey) return;
    if (await act('format:signal', { expectHolder: turn.pid })) setSentFor(turnKey);
  }

  return (
    <section className="panel timekeeper" aria-labelledby="timekeeper-heading">
      <h2 id="timekeeper-heading">{intl.formatMessage(m.heading)}</h2>
      {!turn || !clock || turn.pid === me.pid ? (
        <p>{intl.formatMessage(m.idle)}</p>
      ) : (
        <>
          <p className={`timekeeper-clock ${clock.state}`}>
            <span aria-hidden="true">{intl.formatMessage(m.holder, { name, time: clock.text })}</span>
            <span className="sr-only">{intl.formatMessage(m.holder, { name, time: clock.spoken })}</span>
          </p>
          {sentFor === turnKey ? (
            <p role="status">{intl.formatMessage(m.signalled, { name })}</p>
          ) : (
            <button type="button" onClick={() => void signal()}>
              {intl.formatMessage(m.signal, { name })}
            </button>
          )}
        </>
      )}
      <p className="hint">{intl.formatMessage(m.hint)}</p>
    </section>
  );
}

/** What the holder of the word sees when the Timekeeper signals time: a quiet note until dismissed. */
export function TimeSignalNotice() {
  const intl = useIntl();
  const [at, setAt] = useServerState<number | null>(null, {
    on: { 'format:timeSignal': (s, { set }) => set(s.at) },
  });
  if (at === null) return null;
  return (
    <div className="notice time-signal" role="status">
      <span>{intl.formatMessage(m.notice)}</span>{' '}
      <button type="button" className="link-button" onClick={() => setAt(null)}>
        {intl.formatMessage(m.dismiss)}
      </button>
    </div>
  );
}
