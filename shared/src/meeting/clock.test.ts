import { describe, expect, it } from 'vitest';
import type { MeetingClock } from './clock.js';
import { clockElapsedMs, clockLeftMs, initialClock, openClock, pauseClock, resumeClock } from './clock.js';

const T = 1_000_000;
type Step = ['open' | 'pause' | 'resume', number];

function run(steps: Step[]): MeetingClock {
  let c = initialClock();
  for (const [op, at] of steps)
    c = op === 'open' ? openClock(c, at) : op === 'pause' ? pauseClock(c, at) : resumeClock(c, at);
  return c;
}

const HOUR = 3_600_000;
const cases: { name: string; steps: Step[]; at: number; elapsed: number }[] = [
  { name: 'nothing has elapsed before opening', steps: [], at: T + 5_000, elapsed: 0 },
  { name: 'runs from the opening', steps: [['open', T]], at: T + 5_000, elapsed: 5_000 },
  {
    name: 'stands still while paused',
    steps: [
      ['open', T],
      ['pause', T + 10_000],
    ],
    at: T + 500_000,
    elapsed: 10_000,
  },
  {
    name: 'leaves the pause out after resuming',
    steps: [
      ['open', T],
      ['pause', T + 10_000],
      ['resume', T + 70_000],
    ],
    at: T + 80_000,
    elapsed: 20_000,
  },
  {
    name: 'adds up several pauses',
    steps: [
      ['open', T],
      ['pause', T + 1_000],
      ['resume', T + 2_000],
      ['pause', T + 3_000],
      ['resume', T + 5_000],
    ],
    at: T + 10_000,
    elapsed: 7_000,
  },
  {
    name: 'a pause before opening does not count',
    steps: [
      ['pause', T - 50_000],
      ['open', T],
      ['resume', T + 20_000],
    ],
    at: T + 30_000,
    elapsed: 10_000,
  },
  {
    name: 'pausing twice keeps the first pause',
    steps: [
      ['open', T],
      ['pause', T + 1_000],
      ['pause', T + 9_000],
      ['resume', T + 10_000],
    ],
    at: T + 10_000,
    elapsed: 1_000,
  },
  {
    name: 'opening twice keeps the first opening',
    steps: [
      ['open', T],
      ['open', T + 9_000],
    ],
    at: T + 10_000,
    elapsed: 10_000,
  },
  {
    name: 'resuming what was not paused changes nothing',
    steps: [
      ['open', T],
      ['resume', T + 5],
    ],
    at: T + 10,
    elapsed: 10,
  },
];

describe('the meeting clock', () => {
  for (const c of cases) {
    it(c.name, () => {
      const clock = run(c.steps);
      expect(clockElapsedMs(clock, c.at)).toBe(c.elapsed);
      expect(clockLeftMs(clock, HOUR, c.at)).toBe(HOUR - c.elapsed);
    });
  }

  it('goes negative once the meeting runs over', () => {
    expect(clockLeftMs(run([['open', T]]), HOUR, T + HOUR + 60_000)).toBe(-60_000);
  });
});
