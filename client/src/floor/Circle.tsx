import type { ReactNode } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { upcoming } from '@circle/shared';
import { actOn } from '../moderation/actOn';
import { useRoomContext } from '../room/RoomContext';
import { MARK, PRESENCE } from './words';
import { labelParts } from '../i18n/parts';

// A seat's states are read together as its name ("Ana, has the word, hand raised, number 1").
const m = defineMessages({
  circle: { id: 'floor.Circle.circle', defaultMessage: 'Circle', description: 'The ring of seats' },
  someone: { id: 'floor.Circle.someone', defaultMessage: 'Someone', description: 'A person who has left' },
  you: { id: 'floor.Circle.you', defaultMessage: 'you', description: 'Marks your own seat' },
  askedSupport: { id: 'floor.Circle.askedSupport', defaultMessage: 'asked for support' },
  facilitator: { id: 'floor.Circle.facilitator', defaultMessage: 'facilitator' },
  hasWord: {
    id: 'floor.Circle.hasWord',
    defaultMessage: 'has the word',
    description: 'Is the one speaking now, as the word passes around the circle',
  },
  speaking: {
    id: 'floor.Circle.speaking',
    defaultMessage: 'speaking',
    description: 'Heard talking right now',
  },
  handNumber: {
    id: 'floor.Circle.handNumber',
    defaultMessage: 'hand raised, number {place}',
    description: 'Their place in the line of raised hands',
  },
  next: { id: 'floor.Circle.next', defaultMessage: 'next', description: 'Gets the word next' },
  spokeRound: { id: 'floor.Circle.spokeRound', defaultMessage: 'spoke this round' },
  passedRound: {
    id: 'floor.Circle.passedRound',
    defaultMessage: 'passed this round',
    description: 'Chose to pass (not speak) in this go-around',
  },
  skippedRound: { id: 'floor.Circle.skippedRound', defaultMessage: 'skipped this round' },
  micHeld: {
    id: 'floor.Circle.micHeld',
    defaultMessage: 'microphone held',
    description: 'A facilitator keeps their microphone off for now',
  },
  notSpoken: { id: 'floor.Circle.notSpoken', defaultMessage: 'not spoken yet' },
  actOn: {
    id: 'floor.Circle.actOn',
    defaultMessage: '<hidden>Act on </hidden>{name}',
    description:
      "A facilitator's button on a seat: opens their tools for this person. Only {name} shows; the rest is read out",
  },
  support: { id: 'floor.Circle.support', defaultMessage: 'support', description: 'Badge: asked for support' },
  hand: {
    id: 'floor.Circle.hand',
    defaultMessage: 'hand {place}',
    description: 'Badge: raised hand, place in line',
  },
  steppedOut: { id: 'floor.Circle.steppedOut', defaultMessage: 'stepped out' },
  micHeldShort: { id: 'floor.Circle.micHeldShort', defaultMessage: 'mic held', description: 'Short badge' },
  nobody: { id: 'floor.Circle.nobody', defaultMessage: 'Nobody is seated yet.' },
});

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

const MARK_LABELS = { spoke: m.spokeRound, passed: m.passedRound, skipped: m.skippedRound };

/** The seats, laid out around a ring in seat order, starting at the top and going clockwise. */
export function Circle({ children, decorate, speaking, hidden, support, held }: Props) {
  const intl = useIntl();
  const say = intl.formatMessage;
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
        aria-label={say(m.circle)}
      >
        {seats.map((pid, i) => {
          const person = byPid.get(pid);
          const name = person?.name ?? say(m.someone);
          const angle = (2 * Math.PI * i) / Math.max(count, 1) - Math.PI / 2;
          const holder = floor.holder?.pid === pid;
          const hand = floor.queue.indexOf(pid);
          const mark = floor.round?.marks[pid];
          const presence = floor.presence[pid] ?? 'offline';
          const turns = floor.turns[pid];

          const states: string[] = [];
          const asked = support?.has(pid) ?? false;
          const muted = held?.has(pid) ?? false;
          if (pid === myPid) states.push(say(m.you));
          if (asked) states.push(say(m.askedSupport));
          if (person?.role === 'facilitator') states.push(say(m.facilitator));
          if (holder) states.push(say(m.hasWord));
          if (speaking?.has(pid)) states.push(say(m.speaking));
          if (hand >= 0) states.push(say(m.handNumber, { place: hand + 1 }));
          if (!holder && next === pid) states.push(say(m.next));
          if (mark) states.push(say(MARK_LABELS[mark]));
          if (presence !== 'here') states.push(say(PRESENCE[presence]));
          if (muted) states.push(say(m.micHeld));
          if (showTurns && !turns) states.push(say(m.notSpoken));

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
              aria-label={labelParts(intl, [name, ...states])}
              aria-current={holder ? 'true' : undefined}
              style={{ left: `${50 + 42 * Math.cos(angle)}%`, top: `${50 + 38 * Math.sin(angle)}%` }}
            >
              {decorate?.(pid, name)}
              {facilitator && person && person.role !== 'facilitator' ? (
                // Tap a seat to act on that person: the console's People tab opens with them chosen.
                <button type="button" className="seat-name seat-pick" onClick={() => actOn(pid)}>
                  {intl.formatMessage(m.actOn, {
                    name,
                    hidden: (words) => <span className="sr-only">{words}</span>,
                  })}
                </button>
              ) : (
                <span className="seat-name">{name}</span>
              )}
              {pid === myPid && <span className="seat-tag">{say(m.you)}</span>}
              {asked && <Mark kind="support" icon="⚑" text={say(m.support)} />}
              {hand >= 0 && <Mark kind="hand" icon="✋" text={say(m.hand, { place: hand + 1 })} />}
              {holder && <Mark kind="speaking" icon="●" text={say(m.hasWord)} />}
              {!holder && next === pid && <span className="badge next">{say(m.next)}</span>}
              {mark && <span className={`badge mark ${mark}`}>{say(MARK[mark])}</span>}
              {presence === 'away' && <Mark kind="presence" icon="☕" text={say(m.steppedOut)} />}
              {presence === 'offline' && <Mark kind="presence" icon="⚠" text={say(PRESENCE.offline)} />}
              {muted && <Mark kind="held" icon="🔇" text={say(m.micHeldShort)} />}
              {showTurns && !turns && <span className="badge quiet">{say(m.notSpoken)}</span>}
            </li>
          );
        })}
      </ul>
      <div className="ring-center">{count === 0 ? <p className="hint">{say(m.nobody)}</p> : children}</div>
    </div>
  );
}
