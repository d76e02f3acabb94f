import type { FloorNotice } from '@circle/shared';

/** A floor notice in words, from this person's side ("It's your turn", "Ana has the word"). */
export function noticeText(n: FloorNotice, myPid: string, nameOf: (pid: string) => string): string {
  if (n.kind === 'round-ended') return 'The round has ended';
  const mine = n.pid === myPid;
  const name = nameOf(n.pid);
  switch (n.kind) {
    case 'next-up':
      return mine ? "You're next" : `${name} is next`;
    case 'your-turn':
      return mine ? "It's your turn" : `${name} has the word`;
    case 'time-warning':
      return mine ? 'Time is almost up' : `Time is almost up for ${name}`;
    case 'time-up':
      return mine ? 'Your time is up' : `Time is up for ${name}`;
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
