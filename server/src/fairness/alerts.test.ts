import { describe, expect, it } from 'vitest';
import {
  fairnessView,
  MIN_TOTAL_TALK_MS,
  noteOutOfTurn,
  OUT_OF_TURN_SHOWN_MS,
  type OutOfTurn,
} from './alerts.js';

const T = 1_000_000;

describe('talk-time shares and the over-share alert', () => {
  const cases: { name: string; talk: Record<string, number>; seated: string[]; over: string[] }[] = [
    { name: 'nobody has spoken: no alert', talk: {}, seated: ['F', 'A', 'B'], over: [] },
    {
      name: 'too little talk overall for shares to mean anything',
      talk: { A: MIN_TOTAL_TALK_MS - 1 },
      seated: ['F', 'A', 'B', 'C'],
      over: [],
    },
    {
      name: 'one member holding most of the time among four',
      talk: { A: 90_000, B: 5_000, C: 5_000 },
      seated: ['F', 'A', 'B', 'C'],
      over: ['A'],
    },
    {
      name: 'exactly twice the fair share is not more than twice',
      talk: { A: 50_000, B: 25_000, C: 25_000 },
      seated: ['F', 'A', 'B', 'C'],
      over: [],
    },
    {
      name: 'a facilitator running the meeting is not alerted about',
      talk: { F: 200_000, A: 10_000 },
      seated: ['F', 'A', 'B', 'C'],
      over: [],
    },
    {
      name: 'people who have left do not count towards the shares',
      talk: { A: 100_000, Z: 500_000, B: 100_000 },
      seated: ['F', 'A', 'B', 'C'],
      over: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const view = fairnessView({
        talkMs: new Map(Object.entries(c.talk)),
        seated: c.seated,
        members: new Set(c.seated.filter((p) => p !== 'F')),
        outOfTurn: new Map(),
        now: T,
      });
      expect(view.overShare).toEqual(c.over);
      expect(view.talk.map((t) => t.pid)).toEqual(c.seated);
      const total = c.seated.reduce((s, p) => s + (c.talk[p] ?? 0), 0);
      expect(view.totalMs).toBe(total);
      if (total) expect(view.talk.reduce((s, t) => s + t.share, 0)).toBeCloseTo(1);
    });
  }
});

describe('speaking out of turn (strict circle)', () => {
  const samples = (steps: [number, number][]) =>
    steps.reduce<OutOfTurn | undefined>((prev, [ms, at]) => noteOutOfTurn(prev, ms, at), undefined);

  const cases: { name: string; steps: [number, number][]; at: number; shown: boolean }[] = [
    { name: 'a single short sound is not an alert', steps: [[250, T]], at: T, shown: false },
    {
      name: 'a second of continuous speech is',
      steps: [
        [250, T],
        [250, T + 250],
        [250, T + 500],
        [250, T + 750],
      ],
      at: T + 800,
      shown: true,
    },
    {
      name: 'short sounds far apart never add up',
      steps: [
        [500, T],
        [500, T + 5_000],
        [500, T + 10_000],
      ],
      at: T + 10_000,
      shown: false,
    },
    {
      name: 'the alert fades after a while',
      steps: [[1_000, T]],
      at: T + OUT_OF_TURN_SHOWN_MS + 1,
      shown: false,
    },
    {
      name: 'a later cough does not keep an old alert up',
      steps: [
        [1_000, T],
        [250, T + OUT_OF_TURN_SHOWN_MS - 10],
      ],
      at: T + OUT_OF_TURN_SHOWN_MS + 1,
      shown: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const view = fairnessView({
        talkMs: new Map(),
        seated: ['F', 'A'],
        members: new Set(['A']),
        outOfTurn: new Map([['A', samples(c.steps)!]]),
        now: c.at,
      });
      expect(view.outOfTurn.map((o) => o.pid)).toEqual(c.shown ? ['A'] : []);
    });
  }
});
