import { describe, expect, it } from 'vitest';
import { floorReducer, initialFloor, upcoming } from './machine.js';
import type { FloorCommand, FloorState } from './types.js';

/** Applies commands in order at time 0; a rejection fails the test with its reason. */
function run(s: FloorState, ...cmds: FloorCommand[]): FloorState {
  for (const cmd of cmds) {
    const r = floorReducer(s, cmd, 0);
    const refused = r.effects.find((e) => e.type === 'rejected');
    if (refused) throw new Error(`${cmd.type} refused: ${refused.reason}`);
    s = r.state;
  }
  return s;
}

const refusal = (s: FloorState, cmd: FloorCommand) =>
  floorReducer(s, cmd, 0).effects.find((e) => e.type === 'rejected');

/** Ana and Ben seated; Lea and Max are listeners nobody has seen on the floor yet. */
const circle = () => run(initialFloor(), { type: 'join', pid: 'ana' }, { type: 'join', pid: 'ben' });

describe('floor: listeners', () => {
  it('a listener who raises a hand steps onto the floor and queues after the seated hands', () => {
    const s = run(
      circle(),
      { type: 'raiseHand', pid: 'ben' },
      { type: 'raiseHand', pid: 'lea', listener: true },
    );
    expect(s.queue).toEqual(['ben', 'lea']);
    expect(s.guests).toEqual(['lea']);
    expect(s.presence.lea).toBe('here');
    expect(s.seats).toEqual(['ana', 'ben']);
  });

  it('someone who is neither seated nor said to be a listener cannot raise a hand or be given the word', () => {
    expect(refusal(circle(), { type: 'raiseHand', pid: 'lea' })).toEqual({
      type: 'rejected',
      reason: 'CONFLICT',
    });
    expect(refusal(circle(), { type: 'give', pid: 'lea' })).toEqual({
      type: 'rejected',
      reason: 'NOT_FOUND',
    });
  });

  it('Next gives the word to a listener in turn; their turn ending takes them off the floor', () => {
    let s = run(circle(), { type: 'raiseHand', pid: 'lea', listener: true }, { type: 'next' });
    expect(s.holder?.pid).toBe('lea');
    expect(s.guests).toEqual(['lea']);
    s = run(s, { type: 'done', pid: 'lea' });
    expect(s.holder).toBeNull();
    expect(s.guests).toBeUndefined();
    expect(s.presence).toEqual({ ana: 'here', ben: 'here' });
    expect(s.turns.lea).toEqual({ spoke: 1, passed: 0 });
  });

  it('a facilitator gives the word straight to a listener; a later give moves it on and the listener goes', () => {
    let s = run(circle(), { type: 'give', pid: 'max', listener: true });
    expect(s.holder?.pid).toBe('max');
    s = run(s, { type: 'give', pid: 'ana' });
    expect(s.holder?.pid).toBe('ana');
    expect(s.guests).toBeUndefined();
    expect(s.presence.max).toBeUndefined();
  });

  it('lowering the hand takes a listener off the floor; leaving takes them off the queue and the word', () => {
    let s = run(
      circle(),
      { type: 'raiseHand', pid: 'lea', listener: true },
      { type: 'lowerHand', pid: 'lea' },
    );
    expect(s.guests).toBeUndefined();
    expect(s.presence.lea).toBeUndefined();
    s = run(
      circle(),
      { type: 'give', pid: 'lea', listener: true },
      { type: 'raiseHand', pid: 'ben' },
      { type: 'leave', pid: 'lea' },
    );
    // The word went on to the next hand, as when a seated holder leaves.
    expect(s.holder?.pid).toBe('ben');
    expect(s.guests).toBeUndefined();
  });

  it('a listener holding the word who drops out keeps it with the clock frozen, like a seated holder', () => {
    let s = run(initialFloor({ turnLimitMs: 60_000 }), { type: 'join', pid: 'ana' });
    s = run(
      s,
      { type: 'give', pid: 'lea', listener: true },
      { type: 'presence', pid: 'lea', presence: 'offline' },
    );
    expect(s.holder?.pid).toBe('lea');
    expect(s.holder?.runningSince).toBeNull();
    expect(upcoming(s)).toBeNull();
    s = run(s, { type: 'presence', pid: 'lea', presence: 'here' });
    expect(s.holder?.runningSince).toBe(0);
  });

  it('a go-around goes round the seats only', () => {
    const s = run(circle(), { type: 'raiseHand', pid: 'lea', listener: true }, { type: 'startRound' });
    expect(s.round?.order).toEqual(['ana', 'ben']);
    expect(s.queue).toEqual(['lea']);
  });

  it('an undo of a give to a listener puts the floor back, the listener off it', () => {
    const before = circle();
    const given = run(before, { type: 'give', pid: 'lea', listener: true });
    const undone = run(given, { type: 'undo', expectHolder: 'lea' });
    expect(undone.holder).toBeNull();
    expect(undone.guests).toBeUndefined();
    expect(undone.presence).toEqual(before.presence);
  });
});
