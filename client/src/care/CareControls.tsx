import { defineMessages, useIntl } from 'react-intl';
import type { Chat } from '../chat/useChat';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  label: { id: 'care.CareControls.label', defaultMessage: 'Taking care of yourself' },
  sideRoom: {
    id: 'care.CareControls.sideRoom',
    defaultMessage: 'You are in a private side room with {name}. The group goes on meanwhile.',
    description: '{name} is a facilitator, or the member a facilitator took aside',
  },
  steppedOut: {
    id: 'care.CareControls.steppedOut',
    defaultMessage:
      "You have stepped out. Your seat is kept, and the go-around passes you by. Press I'm back when you return.",
    description: "I'm back: the name of the button that brings you back to the circle",
  },
  support: { id: 'care.CareControls.support', defaultMessage: 'I need support' },
  supportAsked: {
    id: 'care.CareControls.supportAsked',
    defaultMessage: 'The facilitators know. Press again to withdraw it.',
  },
  supportHint: {
    id: 'care.CareControls.supportHint',
    defaultMessage: 'Only the facilitators see this. They can talk with you privately.',
  },
});

/** Taking care of oneself: where you are (stepped out, a side room), and a discreet request for support. */
export function CareControls({ chat }: { chat: Chat }) {
  const intl = useIntl();
  const { view, me, nameOf, act } = useRoomContext();
  const { floor } = view;
  const { pid: myPid, role } = me;
  const { sideRoom, supportAsked, setSupportAsked: onSupportChange } = chat;
  const seated = role !== 'observer' && floor.seats.includes(myPid);
  const away = floor.presence[myPid] === 'away';
  // A side room ends when the circle has them back; the server says so, this only avoids a stale banner.
  const inSide = sideRoom !== null && away;

  async function support(on: boolean) {
    if (await act('care:support', { on })) onSupportChange(on);
  }

  return (
    <section className="care" aria-label={intl.formatMessage(m.label)}>
      {inSide && (
        <p className="banner" role="status">
          {intl.formatMessage(m.sideRoom, {
            name: nameOf(sideRoom.pid === myPid ? sideRoom.facilitator : sideRoom.pid),
          })}
        </p>
      )}
      {seated && !inSide && away && (
        <p className="status-text" role="status">
          {intl.formatMessage(m.steppedOut)}
        </p>
      )}
      {role !== 'facilitator' && (
        <button
          type="button"
          aria-pressed={supportAsked}
          aria-describedby="support-hint"
          onClick={() => void support(!supportAsked)}
        >
          {intl.formatMessage(m.support)}
        </button>
      )}
      {role !== 'facilitator' && (
        <span id="support-hint" className="hint">
          {intl.formatMessage(supportAsked ? m.supportAsked : m.supportHint)}
        </span>
      )}
    </section>
  );
}
