import { defineMessages } from 'react-intl';
import type { IntlShape } from 'react-intl';

const m = defineMessages({
  minutes: {
    id: 'meeting.format.minutes',
    defaultMessage: '{count, plural, one {# minute} other {# minutes}}',
  },
  inZone: {
    id: 'meeting.format.inZone',
    defaultMessage: '{here} ({there}, {zone} time)',
    description:
      'A meeting time in the reader’s time zone, then the same time where the group meets, e.g. "Tuesday 10 March, 19:30 (18:30, Europe/London time)"',
  },
});

/** The time zone this browser is in. */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * "Tuesday 10 March, 19:30" in the reader's language and time zone; where the group's time zone (its
 * schedule's) differs, the group's own time follows, its zone named, so nobody has to work it out.
 */
export function formatDate(intl: IntlShape, at: number, groupZone?: string | null): string {
  const full = intl.formatDate(at, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
  // The reader's zone: the one the page's formatter is set to, else this browser's.
  const readerZone = intl.timeZone ?? viewerTimeZone();
  if (!groupZone || sameOffset(at, groupZone, readerZone)) return full;
  const there = intl.formatDate(at, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: groupZone,
  });
  return intl.formatMessage(m.inZone, { here: full, there, zone: groupZone.replace(/_/g, ' ') });
}

/** Whether two time zones show the same wall-clock time at `at` (Europe/Paris and Europe/Berlin do). */
function sameOffset(at: number, a: string, b: string): boolean {
  if (a === b) return true;
  const wall = (timeZone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).format(at);
  try {
    return wall(a) === wall(b);
  } catch {
    return true;
  }
}

/** Minutes, rounded up, with the plural forms of the language: "1 минута, 2 минуты, 5 минут". */
export function minutes(intl: IntlShape, ms: number): string {
  return intl.formatMessage(m.minutes, { count: Math.max(0, Math.ceil(ms / 60_000)) });
}
