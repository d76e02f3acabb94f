import type { ReactNode } from 'react';
import { upcoming } from '@circle/shared';
import { actOn } from '../moderation/actOn';
import { useRoomContext } from '../room/RoomContext';

interface Props {
  /** Shown in the middle of the ring (the turn timer). */
  children?: ReactNode;
  /** Extra content for a seat (camera, speaking indicator), from the media domain. */
  decorate?: (pid: string, name: string) => ReactNode;
  /** Who is speaking now, from audio levels. */
  speaking?: Set<string>;
  /** Seated people shown outside the ring for now (a role-play's observers). */
  hidden?: Set<string>;
  /** Who asked for support (facilitators only): marked on the seat until a facilitator answers. */
  support?: Set<string>;
  /** Whose microphone a facilitator holds. */
  held?: Set<string>;
}

/** Status marks are an icon and a word, never a colour alone; the icon is decoration for screen readers. */
function Mark({ icon, text, kind }: { icon: string; text: string; kind: string }) {
  return (
    <span className={`badge ${kind}`}>
      <span aria-hidden="true">{icon} </span>
      {text}
    </span>
  );
}

const MARK_LABELS = { spoke: 'spoke this round', passed: 'passed this round', skipped: 'skipped this round' };

/** The seats, laid out around a ring in seat order, starting at the top and going clockwise. */
export function Circle({ children, decorate, speaking, hidden, support, held }: Props) {
  const { view, me, facilitator } = useRoomContext();
  const { floor, participants } = view;
  const myPid = me.pid;
  // Facilitators also see who has not spoken yet this meeting.
  const showTurns = facilitator;
  const byPid = new Map(participants.map((p) => [p.pid, p]));
  const next = upcoming(floor);
  const seats = floor.seats.filter((p) => !hidden?.has(p));
  const count = seats.length;

  return (
    <div className={`ring-wrap${count > 12 ? ' dense' : ''}`}>
      {/* A ring up to twelve seats (smaller seats past eight); more sit in a compact grid, holder first. */}
      <ul
        className={`ring${count > 12 ? ' dense' : count > 8 ? ' crowded' : ''}`}
        role="list"
        aria-label="Circle"
      >
        {seats.map((pid, i) => {
          const person = byPid.get(pid);
          const name = person?.name ?? 'Someone';
          const angle = (2 * Math.PI * i) / Math.max(count, 1) - Math.PI / 2;
          const holder = floor.holder?.pid === pid;
          const hand = floor.queue.indexOf(pid);
          const mark = floor.round?.marks[pid];
          const presence = floor.presence[pid] ?? 'offline';
          const turns = floor.turns[pid];

          const states: string[] = [];
          const asked = support?.has(pid) ?? false;
          const muted = held?.has(pid) ?? false;
          if (pid === myPid) states.push('you');
          if (asked) states.push('asked for support');
          if (person?.role === 'facilitator') states.push('facilitator');
          if (holder) states.push('has the word');
          if (speaking?.has(pid)) states.push('speaking');
          if (hand >= 0) states.push(`hand raised, number ${hand + 1}`);
          if (!holder && next === pid) states.push('next');
          if (mark) states.push(MARK_LABELS[mark]);
          if (presence !== 'here') states.push(presence);
          if (muted) states.push('microphone held');
          if (showTurns && !turns) states.push('not spoken yet');

          const classes = ['seat', presence];
          if (holder) classes.push('holder');
          if (pid === myPid) classes.push('me');
          if (mark) classes.push(`mark-${mark}`);
          if (asked) classes.push('asked');

          return (
            <li
              key={pid}
              role="listitem"
              className={classes.join(' ')}
              aria-label={[name, ...states].join(', ')}
              aria-current={holder ? 'true' : undefined}
              style={{ left: `${50 + 42 * Math.cos(angle)}%`, top: `${50 + 38 * Math.sin(angle)}%` }}
            >
              {decorate?.(pid, name)}
              {facilitator && person && person.role !== 'facilitator' ? (
                // Tap a seat to act on that person: the console's People tab opens with them chosen.
                <button type="button" className="seat-name seat-pick" onClick={() => actOn(pid)}>
                  <span className="sr-only">Act on </span>
                  {name}
                </button>
              ) : (
                <span className="seat-name">{name}</span>
              )}
              {pid === myPid && <span className="seat-tag">you</span>}
              {asked && <Mark kind="support" icon="⚑" text="support" />}
              {hand >= 0 && <Mark kind="hand" icon="✋" text={`hand ${hand + 1}`} />}
              {holder && <Mark kind="speaking" icon="●" text="has the word" />}
              {!holder && next === pid && <span className="badge next">next</span>}
              {mark && <span className={`badge mark ${mark}`}>{mark}</span>}
              {presence === 'away' && <Mark kind="presence" icon="☕" text="stepped out" />}
              {presence === 'offline' && <Mark kind="presence" icon="⚠" text="offline" />}
              {muted && <Mark kind="held" icon="🔇" text="mic held" />}
              {showTurns && !turns && <span className="badge quiet">not spoken yet</span>}
            </li>
          );
        })}
      </ul>
      <div className="ring-center">
        {count === 0 ? <p className="hint">Nobody is seated yet.</p> : children}
      </div>
    </div>
  );
}
