import { describe, expect, it } from 'vitest';
import { isTimeZone, nextMeetingAt, type MeetingSchedule } from './schedule.js';

const at = (iso: string) => Date.parse(iso);
const weekly = (weekday: number, time: string, timeZone = 'UTC'): MeetingSchedule => ({
  weekday,
  time,
  timeZone,
});

const cases: { name: string; schedule: MeetingSchedule | null; after: string; next: string | null }[] = [
  { name: 'no schedule, no next meeting', schedule: null, after: '2026-03-03T10:00:00Z', next: null },
  {
    name: 'later the same week (Tue → Thu)',
    schedule: weekly(4, '19:30'),
    after: '2026-03-03T10:00:00Z',
    next: '2026-03-05T19:30:00Z',
  },
  {
    name: 'the same day, later on',
    schedule: weekly(2, '19:30'),
    after: '2026-03-03T10:00:00Z',
    next: '2026-03-03T19:30:00Z',
  },
  {
    name: 'closing right at the meeting time gives next week',
    schedule: weekly(2, '19:30'),
    after: '2026-03-03T19:30:00Z',
    next: '2026-03-10T19:30:00Z',
  },
  {
    name: 'closing after the meeting time gives next week',
    schedule: weekly(2, '19:30'),
    after: '2026-03-03T21:00:00Z',
    next: '2026-03-10T19:30:00Z',
  },
  {
    name: 'rolls over a month and a year end',
    schedule: weekly(5, '08:00'),
    after: '2026-12-30T12:00:00Z',
    next: '2027-01-01T08:00:00Z',
  },
  {
    name: 'local time in a zone ahead of UTC (Paris, winter)',
    schedule: weekly(1, '18:00', 'Europe/Paris'),
    after: '2026-01-06T00:00:00Z',
    next: '2026-01-12T17:00:00Z',
  },
  {
    name: 'keeps the local hour across the spring change (Paris, 29 March 2026)',
    schedule: weekly(1, '18:00', 'Europe/Paris'),
    after: '2026-03-24T12:00:00Z',
    next: '2026-03-30T16:00:00Z',
  },
  {
    name: 'the local day differs from the UTC day (New York, late evening)',
    schedule: weekly(3, '21:00', 'America/New_York'),
    after: '2026-06-09T12:00:00Z',
    next: '2026-06-11T01:00:00Z',
  },
];

describe('the next meeting date', () => {
  for (const c of cases) {
    it(c.name, () => {
      const next = nextMeetingAt(c.schedule, at(c.after));
      expect(next === null ? null : new Date(next).toISOString()).toBe(
        c.next === null ? null : new Date(at(c.next)).toISOString(),
      );
    });
  }

  it('knows a time zone from a made-up one', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
