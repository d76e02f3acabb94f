import { describe, expect, it } from 'vitest';
import { floorReducer, initialFloor, nextWake, turnUsedMs } from './machine.js';
import type { FloorCommand, FloorEffect, FloorState } from './types.js';

/** Pausing the meeting freezes every turn clock; these cases pin down how pause meets the rest of the floor. */

const T = 1_000_000;

function build(steps: [FloorCommand, number][], limitMs: number | null = 10_000): FloorState {
  let s = initialFloor({ turnLimitMs: limitMs });
  for (const [cmd, at] of steps) {
    const r = floorReducer(s, cmd, at);
    if (r.effects.some((e) => e.type === 'rejected')) throw new Error(`setup rejected: ${cmd.type}`);
    s = r.state;
  }
  return s;
}

const join = (pid: string, at = T): [FloorCommand, number] => [{ type: 'join', pid }, at];
const give = (pid: string, at = T): [FloorCommand, number] => [{ type: 'give', pid }, at];
const pause = (at: number): [FloorCommand, number] => [{ type: 'pause' }, at];
const resume = (at: number): [FloorCommand, number] => [{ type: 'resume' }, at];
const presence = (pid: string, p: 'here' | 'offline' | 'away', at: number): [FloorCommand, number] => [
  { type: 'presence', pid, presence: p },
  at,
];

interface Case {
  name: string;
  steps: [FloorCommand, number][];
  /** When to read the holder's used time. */
  at: number;
  used: number | null;
  running: boolean | null;
  paused: boolean;
}

const cases: Case[] = [
  {
    name: 'pausing freezes the running turn at the time used so far',
    steps: [join('A'), give('A'), pause(T + 3_000)],
    at: T + 60_000,
    used: 3_000,
    running: false,
    paused: true,
  },
  {
    name: 'resuming restarts the clock from where it stood',
    steps: [join('A'), give('A'), pause(T + 3_000), resume(T + 50_000)],
    at: T + 51_000,
    used: 4_000,
    running: true,
    paused: false,
  },
  {
    name: 'the word given during a pause starts with a frozen clock',
    steps: [join('A'), join('B'), pause(T), give('B', T + 1_000)],
    at: T + 30_000,
    used: 0,
    running: false,
    paused: true,
  },
  {
    name: 'a holder coming back online during a pause stays frozen',
    steps: [
      join('A'),
      give('A'),
      presence('A', 'offline', T + 2_000),
      pause(T + 3_000),
      presence('A', 'here', T + 4_000),
    ],
    at: T + 20_000,
    used: 2_000,
    running: false,
    paused: true,
  },
  {
    name: 'resuming does not start the clock of a holder who is still offline',
    steps: [join('A'), give('A'), pause(T + 1_000), presence('A', 'offline', T + 2_000), resume(T + 5_000)],
    at: T + 9_000,
    used: 1_000,
    running: false,
    paused: false,
  },
  {
    name: 'pause and resume with nobody holding the word only set the flag',
    steps: [join('A'), pause(T), resume(T + 1_000)],
    at: T + 2_000,
    used: null,
    running: null,
    paused: false,
  },
];

describe('pausing the floor', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = build(c.steps);
      expect(!!s.paused).toBe(c.paused);
      expect(s.holder ? turnUsedMs(s.holder, c.at) : null).toBe(c.used);
      expect(s.holder ? s.holder.runningSince !== null : null).toBe(c.running);
    });
  }

  const rejections: { name: string; steps: [FloorCommand, number][]; cmd: FloorCommand }[] = [
    { name: 'pausing twice', steps: [join('A'), pause(T)], cmd: { type: 'pause' } },
    { name: 'resuming what is not paused', steps: [join('A')], cmd: { type: 'resume' } },
  ];
  for (const r of rejections) {
    it(`refuses ${r.name}`, () => {
      const s = build(r.steps);
      const out = floorReducer(s, r.cmd, T + 1);
      expect(out.state).toBe(s);
      expect(out.effects).toEqual([{ type: 'rejected', reason: 'CONFLICT' } satisfies FloorEffect]);
    });
  }

  it('asks for no wake-up while paused and for the right one after resuming', () => {
    const paused = build([join('A'), give('A'), pause(T + 2_000)]);
    expect(nextWake(paused)).toBeNull();
    const r = floorReducer(paused, { type: 'resume' }, T + 100_000);
    // 8 s (the warning at 80% of 10 s) minus the 2 s already used, counted from the resume.
    expect(r.effects).toContainEqual({ type: 'wakeAt', at: T + 100_000 + 6_000 });
  });

  it('sends no time notice while paused, however late the tick', () => {
    const paused = build([join('A'), give('A'), pause(T + 1_000)]);
    const r = floorReducer(paused, { type: 'tick' }, T + 1_000_000);
    expect(r.effects.filter((e) => e.type === 'notice')).toEqual([]);
    expect(r.state.holder?.timeUp).toBe(false);
  });
});
