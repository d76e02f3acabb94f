import type { FacilitatorView, Whisper } from '@circle/shared';
import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { IntlShape } from 'react-intl';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useKeptFocus } from '../room/useKeptFocus';

const m = defineMessages({
  heading: { id: 'moderation.NeedsAttention.heading', defaultMessage: 'Needs attention' },
  nothing: { id: 'moderation.NeedsAttention.nothing', defaultMessage: 'Nothing waits for you.' },
  waiting: { id: 'moderation.NeedsAttention.waiting', defaultMessage: 'Waiting for you' },
  support: {
    id: 'moderation.NeedsAttention.support',
    defaultMessage: '<b>{name} asked for support</b> <muted>since {since, time, short}</muted>',
  },
  talkPrivately: {
    id: 'moderation.NeedsAttention.talkPrivately',
    defaultMessage: 'Talk privately with {name}',
  },
  seen: {
    id: 'moderation.NeedsAttention.seen',
    defaultMessage: 'Seen',
    description: 'A facilitator marks a support request as seen',
  },
  knock: {
    id: 'moderation.NeedsAttention.knock',
    defaultMessage: '{name} is waiting in the lobby <muted>since {since, time, short}</muted>',
  },
  letIn: { id: 'moderation.NeedsAttention.letIn', defaultMessage: 'Let {name} in' },
  wrote: {
    id: 'moderation.NeedsAttention.wrote',
    defaultMessage: '{name} wrote to you privately <muted>at {at, time, short}</muted>',
  },
  answer: { id: 'moderation.NeedsAttention.answer', defaultMessage: 'Answer {name}' },
  alert: {
    id: 'moderation.NeedsAttention.alert',
    defaultMessage: '{count, plural, one {{names} asked for support} other {{names} asked for support}}',
    description: 'names is a list of people (“Ana and Ben”), count how many they are (for the verb)',
  },
  show: {
    id: 'moderation.NeedsAttention.show',
    defaultMessage: 'Show Needs attention',
    description: '“Needs attention” is the name of the section it opens',
  },
});

const rich = {
  b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  muted: (chunks: ReactNode[]) => <span className="muted">{chunks}</span>,
};

type Item =
  | { kind: 'support'; pid: string; at: number }
  | { kind: 'knock'; pid: string; name: string; at: number }
  | { kind: 'word'; pid: string; at: number };

/** Threads whose last word is the member's: nobody has answered them yet. */
function unanswered(whispers: Whisper[]): Whisper[] {
  const last = new Map<string, Whisper>();
  for (const w of whispers) {
    const seen = last.get(w.member);
    if (!seen || w.at >= seen.at) last.set(w.member, w);
  }
  return [...last.values()].filter((w) => w.from === w.member);
}

interface Props {
  shared: FacilitatorView;
  whispers: Whisper[];
  /** Opens the private word with this member in the people tools. */
  onAnswer: (pid: string) => void;
}

/**
 * Facilitators: at the top of their console, what someone is waiting on them for, newest first. A support
 * request stays here (and in the alert above the circle) until a facilitator answers it: Seen, or a side room.
 */
export function NeedsAttention({ shared, whispers, onAnswer }: Props) {
  const intl = useIntl();
  const { room, view, nameOf, act } = useRoomContext();
  const items: Item[] = [
    ...shared.support.map((s) => ({ kind: 'support' as const, pid: s.pid, at: s.since })),
    ...room.lobby.map((e) => ({ kind: 'knock' as const, pid: e.pid, name: e.name, at: e.since })),
    ...unanswered(whispers).map((w) => ({ kind: 'word' as const, pid: w.member, at: w.at })),
  ].sort((a, b) => b.at - a.at);
  // Only a seated member can be taken to a side room (observers may still ask for support).
  const canTalkPrivately = (pid: string) =>
    view.floor.seats.includes(pid) && view.participants.some((p) => p.pid === pid && p.role === 'member');
  // An answered item goes with its buttons: the keyboard moves to the next one, or to this section.
  const box = useRef<HTMLElement>(null);
  useKeptFocus(box);

  return (
    <section ref={box} tabIndex={-1} className="panel attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">{intl.formatMessage(m.heading)}</h2>
      {items.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.nothing)}</p>
      ) : (
        <ul className="plain attention-list" aria-label={intl.formatMessage(m.waiting)}>
          {items.map((item) => (
            <li key={`${item.kind}-${item.pid}`} className={`attention-item ${item.kind}`}>
              {item.kind === 'support' && (
                <>
                  <span>
                    {intl.formatMessage(m.support, { ...rich, name: nameOf(item.pid), since: item.at })}
                  </span>
                  <span className="row-actions">
                    {canTalkPrivately(item.pid) && (
                      <button
                        type="button"
                        onClick={() => void act('moderation:sideOpen', { pid: item.pid })}
                      >
                        {intl.formatMessage(m.talkPrivately, { name: nameOf(item.pid) })}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => void act('moderation:supportSeen', { pid: item.pid })}
                    >
                      {intl.formatMessage(m.seen)}
                    </button>
                  </span>
                </>
              )}
              {item.kind === 'knock' && (
                <>
                  <span>{intl.formatMessage(m.knock, { ...rich, name: item.name, since: item.at })}</span>
                  <button type="button" onClick={() => void act('lobby:admit', { pid: item.pid })}>
                    {intl.formatMessage(m.letIn, { name: item.name })}
                  </button>
                </>
              )}
              {item.kind === 'word' && (
                <>
                  <span>{intl.formatMessage(m.wrote, { ...rich, name: nameOf(item.pid), at: item.at })}</span>
                  <button type="button" onClick={() => onAnswer(item.pid)}>
                    {intl.formatMessage(m.answer, { name: nameOf(item.pid) })}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The support alert for facilitators, above the circle on every screen size: who is waiting, in words. */
export function supportAlertText(
  shared: FacilitatorView,
  nameOf: (pid: string) => string,
  intl: IntlShape,
): string {
  const names = shared.support.map((s) => nameOf(s.pid));
  return names.length === 0
    ? ''
    : intl.formatMessage(m.alert, {
        names: intl.formatList(names, { type: 'conjunction' }),
        count: names.length,
      });
}

/** `onShow` opens the console where it is a drawer; on a laptop the list is already beside the circle. */
export function SupportAlert({ text, onShow }: { text: string; onShow?: () => void }) {
  const intl = useIntl();
  if (!text) return null;
  return (
    <p role="alert" className="support-alert">
      <span aria-hidden="true">⚑ </span>
      {text}
      {onShow && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onShow}>
            {intl.formatMessage(m.show)}
          </button>
        </>
      )}
    </p>
  );
}
