import type { FloorNotice } from '@circle/shared';
import { defineMessages } from 'react-intl';
import type { IntlShape } from 'react-intl';

const m = defineMessages({
  roundEnded: {
    id: 'room.announcements.roundEnded',
    defaultMessage: 'The round has ended',
    description: 'The go-around (everyone speaking in turn) is over',
  },
  youNext: { id: 'room.announcements.youNext', defaultMessage: "You're next" },
  otherNext: { id: 'room.announcements.otherNext', defaultMessage: '{name} is next' },
  yourTurn: { id: 'room.announcements.yourTurn', defaultMessage: "It's your turn" },
  otherTurn: {
    id: 'room.announcements.otherTurn',
    defaultMessage: '{name} has the word',
    description: '"Has the word": is the one speaking now, as the word passes around the circle',
  },
  yourWarning: { id: 'room.announcements.yourWarning', defaultMessage: 'Time is almost up' },
  otherWarning: { id: 'room.announcements.otherWarning', defaultMessage: 'Time is almost up for {name}' },
  yourTimeUp: { id: 'room.announcements.yourTimeUp', defaultMessage: 'Your time is up' },
  otherTimeUp: { id: 'room.announcements.otherTimeUp', defaultMessage: 'Time is up for {name}' },
});

/** A floor notice in words, from this person's side ("It's your turn", "Ana has the word"). */
export function noticeText(
  intl: IntlShape,
  n: FloorNotice,
  myPid: string,
  nameOf: (pid: string) => string,
): string {
  if (n.kind === 'round-ended') return intl.formatMessage(m.roundEnded);
  const mine = n.pid === myPid;
  const say = (message: (typeof m)[keyof typeof m]) => intl.formatMessage(message, { name: nameOf(n.pid) });
  switch (n.kind) {
    case 'next-up':
      return say(mine ? m.youNext : m.otherNext);
    case 'your-turn':
      return say(mine ? m.yourTurn : m.otherTurn);
    case 'time-warning':
      return say(mine ? m.yourWarning : m.otherWarning);
    case 'time-up':
      return say(mine ? m.yourTimeUp : m.otherTimeUp);
  }
}

type Urgency = 'polite' | 'assertive' | null;

/**
 * How loudly a floor notice is read. What is yours to act on interrupts (your turn, your time is up);
 * what changed around you waits for a pause; someone else being next is already in the status strip.
 */
export function urgencyOf(n: FloorNotice, myPid: string): Urgency {
  if (n.kind === 'round-ended') return 'polite';
  const mine = n.pid === myPid;
  if (n.kind === 'your-turn' || n.kind === 'time-up') return mine ? 'assertive' : 'polite';
  if (n.kind === 'next-up') return mine ? 'polite' : null;
  return 'polite';
}
