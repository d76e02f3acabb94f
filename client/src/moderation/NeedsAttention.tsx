import type { FacilitatorView, Whisper } from '@circle/shared';
import { useRef } from 'react';
import { useRoomContext } from '../room/RoomContext';
import { useKeptFocus } from '../room/useKeptFocus';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

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
      <h2 id="attention-heading">Needs attention</h2>
      {items.length === 0 ? (
        <p className="hint">Nothing waits for you.</p>
      ) : (
        <ul className="plain attention-list" aria-label="Waiting for you">
          {items.map((item) => (
            <li key={`${item.kind}-${item.pid}`} className={`attention-item ${item.kind}`}>
              {item.kind === 'support' && (
                <>
                  <span>
                    <strong>{nameOf(item.pid)} asked for support</strong>{' '}
                    <span className="muted">since {time(item.at)}</span>
                  </span>
                  <span className="row-actions">
                    {canTalkPrivately(item.pid) && (
                      <button
                        type="button"
                        onClick={() => void act('moderation:sideOpen', { pid: item.pid })}
                      >
                        Talk privately with {nameOf(item.pid)}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => void act('moderation:supportSeen', { pid: item.pid })}
                    >
                      Seen
                    </button>
                  </span>
                </>
              )}
              {item.kind === 'knock' && (
                <>
                  <span>
                    {item.name} is waiting in the lobby <span className="muted">since {time(item.at)}</span>
                  </span>
                  <button type="button" onClick={() => void act('lobby:admit', { pid: item.pid })}>
                    Let {item.name} in
                  </button>
                </>
              )}
              {item.kind === 'word' && (
                <>
                  <span>
                    {nameOf(item.pid)} wrote to you privately{' '}
                    <span className="muted">at {time(item.at)}</span>
                  </span>
                  <button type="button" onClick={() => onAnswer(item.pid)}>
                    Answer {nameOf(item.pid)}
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
export function supportAlertText(shared: FacilitatorView, nameOf: (pid: string) => string): string {
  const names = shared.support.map((s) => nameOf(s.pid));
  return names.length === 0 ? '' : `${names.join(', ')} asked for support`;
}

/** `onShow` opens the console where it is a drawer; on a laptop the list is already beside the circle. */
export function SupportAlert({ text, onShow }: { text: string; onShow?: () => void }) {
  if (!text) return null;
  return (
    <p role="alert" className="support-alert">
      <span aria-hidden="true">⚑ </span>
      {text}
      {onShow && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={onShow}>
            Show Needs attention
          </button>
        </>
      )}
    </p>
  );
}
