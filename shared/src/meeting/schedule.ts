/** A group's fixed meeting day and time, in the group's own time zone (IANA name, e.g. Europe/Paris). */
export interface MeetingSchedule {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 24-hour local time, "HH:MM". */
  time: string;
  timeZone: string;
}

const DAY_MS = 86_400_000;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `at` in `timeZone`. */
function wallClock(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far `timeZone` is ahead of UTC at `at`. */
function offsetMs(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant a local date and time happens in `timeZone` (the earlier one if a clock change repeats it). */
function localToUtc(y: number, m: number, d: number, hh: number, mm: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset on either side of a daylight-saving change.
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

/**
 * The first scheduled meeting strictly after `after`, or null without a schedule.
 * Computed on the server and shown as is, so everyone sees the same date.
 */
export function nextMeetingAt(schedule: MeetingSchedule | null, after: number): number | null {
  if (!schedule) return null;
  const [hh, mm] = schedule.time.split(':').map(Number) as [number, number];
  const today = wallClock(after, schedule.timeZone);
  // Calendar arithmetic on a UTC date of the local day, so month and year ends roll over correctly.
  const base = Date.UTC(today.year, today.month - 1, today.day);
  for (let i = 0; i <= 7; i++) {
    const day = new Date(base + i * DAY_MS);
    if (day.getUTCDay() !== schedule.weekday) continue;
    const at = localToUtc(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      hh,
      mm,
      schedule.timeZone,
    );
    if (at > after) return at;
  }
  return null;
}
