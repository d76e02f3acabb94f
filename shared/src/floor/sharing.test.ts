import { describe, expect, it } from 'vitest';
import { floorReducer, initialFloor } from './machine.js';
import type { FloorCommand, FloorState } from './types.js';

/**
 * Copy on write: a command makes new objects of the parts it changes and leaves every other part the very
 * object it was. The patch to clients compares parts by identity, and the server keeps one floor per change:
 * a part copied without a change would travel and be kept for nothing; a part changed in place would change
 * the floor before it too (what an undo restores, what the last patch was made from).
 */

const T = 1_000_000;

function step(s: FloorState, cmd: FloorCommand, at: number): FloorState {
  const r = floorReducer(s, cmd, at);
  if (r.effects.some((e) => e.type === 'rejected')) throw new Error(`rejected: ${cmd.type}`);
  return r.state;
}

/** A, B and C seated, A holding the word (a 10 s limit), B's hand up. */
function meeting(): FloorState {
  let s = initialFloor({ turnLimitMs: 10_000 });
  for (const pid of ['A', 'B', 'C']) s = step(s, { type: 'join', pid }, T);
  s = step(s, { type: 'give', pid: 'A' }, T);
  return step(s, { type: 'raiseHand', pid: 'B' }, T + 100);
}

const PARTS = ['seats', 'presence', 'holder', 'queue', 'round', 'settings', 'turns'] as const;

/** The parts of `next` that are new objects (not those of `prev`). */
const copied = (prev: FloorState, next: FloorState) => PARTS.filter((k) => next[k] !== prev[k]);

describe('the floor copies what a command changes, and only that', () => {
  const cases: { name: string; cmd: FloorCommand; at: number; copies: (typeof PARTS)[number][] }[] = [
    {
      name: 'a raised hand: only the queue',
      cmd: { type: 'raiseHand', pid: 'C' },
      at: T + 200,
      copies: ['queue'],
    },
    {
      name: 'a lowered hand: only the queue',
      cmd: { type: 'lowerHand', pid: 'B' },
      at: T + 200,
      copies: ['queue'],
    },
    {
      name: 'the word passes: a new turn, the queue and the counts',
      cmd: { type: 'next' },
      at: T + 200,
      copies: ['holder', 'queue', 'turns'],
    },
    { name: 'a time warning: only the turn', cmd: { type: 'tick' }, at: T + 8_500, copies: ['holder'] },
    {
      name: 'the holder drops out: their presence and their (frozen) turn',
      cmd: { type: 'presence', pid: 'A', presence: 'offline' },
      at: T + 300,
      copies: ['presence', 'holder'],
    },
    { name: 'a pause: only the (frozen) turn', cmd: { type: 'pause' }, at: T + 300, copies: ['holder'] },
    {
      name: 'someone else steps out: only the presence',
      cmd: { type: 'presence', pid: 'C', presence: 'away' },
      at: T + 300,
      copies: ['presence'],
    },
  ];

  for (const c of cases)
    it(c.name, () => {
      const prev = meeting();
      const before = JSON.stringify(prev);
      const next = step(prev, c.cmd, c.at);
      expect(copied(prev, next)).toEqual(c.copies);
      // Written only in the copy: the floor before is as it was.
      expect(JSON.stringify(prev)).toBe(before);
    });

  it('a turn written twice by one command is copied once, and a later command copies it again', () => {
    const prev = meeting();
    const paused = step(prev, { type: 'pause' }, T + 300);
    const resumed = step(paused, { type: 'resume' }, T + 400);
    expect(paused.holder).toEqual({ ...prev.holder, usedMs: 300, runningSince: null });
    expect(resumed.holder).toEqual({ ...paused.holder, runningSince: T + 400 });
    expect(prev.holder?.runningSince).toBe(T);
    expect(paused.holder?.runningSince).toBeNull();
  });
});
