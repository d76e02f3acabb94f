import { readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { floorReducer, initialFloor, type FloorCommand, type FloorState } from '@circle/shared';
import { Rng } from '../../shared/src/random.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';
import { tempDir } from './support/server.js';

/**
 * The SQLite store keeps most floor changes as one journal line (the command) instead of the whole room
 * record. Whatever was acknowledged must come back exactly, after a crash (the store abandoned without
 * closing, as a kill -9 leaves it; the kill itself is in durability.test.ts) and across whole writes.
 */
interface Rec {
  seq: number;
  floor: FloorState;
  note: string;
}

const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];

function command(rng: Rng, s: FloorState): FloorCommand {
  const pid = rng.pick(PEOPLE);
  switch (rng.int(9)) {
    case 0:
      return { type: 'join', pid };
    case 1:
      return { type: 'leave', pid };
    case 2:
      return { type: 'raiseHand', pid };
    case 3:
      return { type: 'lowerHand', pid };
    case 4:
      return { type: 'give', pid };
    case 5:
      return { type: 'done', pid: s.holder?.pid ?? pid };
    case 6:
      return { type: 'presence', pid, presence: rng.pick(['here', 'away', 'offline'] as const) };
    case 7:
      return { type: 'next' };
    default:
      return { type: 'tick' };
  }
}

/** Runs a seeded history of floor commands and whole changes, reopening the store at random points. */
async function history(seed: number, steps: number) {
  const rng = new Rng(seed);
  const dir = tempDir();
  let store: Store = openSqliteStore(dir);
  const key = 'group:g1:room';
  let rec: Rec = { seq: 1, note: 'start', floor: initialFloor({ turnLimitMs: 60_000, autoHandover: true }) };
  expect(await store.replaceIfSeq(key, rec, 0)).toBe(true);
  let now = 1_000_000;
  let deltas = 0;
  for (let i = 0; i < steps; i++) {
    now += rng.int(5_000);
    if (rng.chance(0.05)) {
      // A change of something else than the floor: written whole.
      const next = { ...rec, seq: rec.seq + 1, note: `note ${i}` };
      expect(await store.replaceIfSeq(key, next, rec.seq)).toBe(true);
      rec = next;
    } else {
      const cmd = command(rng, rec.floor);
      const r = floorReducer(rec.floor, cmd, now);
      if (r.effects.some((e) => e.type === 'rejected')) continue;
      const next = { ...rec, seq: rec.seq + 1, floor: r.state };
      expect(await store.replaceIfSeq(key, next, rec.seq, { now, cmd })).toBe(true);
      deltas++;
      rec = next;
    }
    // A stale writer still fails, journaled or not.
    if (rng.chance(0.05))
      expect(await store.replaceIfSeq(key, { ...rec, seq: rec.seq }, rec.seq - 1)).toBe(false);
    if (rng.chance(0.03)) {
      // A crash: this store is abandoned as it is (nothing closed, nothing flushed); the next opens the files.
      store = openSqliteStore(dir);
      expect(await store.get(key)).toEqual(JSON.parse(JSON.stringify(rec)));
    }
  }
  store = openSqliteStore(dir);
  expect(await store.get(key)).toEqual(JSON.parse(JSON.stringify(rec)));
  // Written after a read: a whole write fenced by the row (the reader may have changed what it read).
  const after = { ...rec, seq: rec.seq + 1, floor: floorReducer(rec.floor, { type: 'tick' }, now).state };
  expect(await store.replaceIfSeq(key, after, rec.seq, { now, cmd: { type: 'tick' } })).toBe(true);
  await store.close();
  expect(statSync(join(dir, 'circle.journal')).size).toBe(0);
  return deltas;
}

describe('the SQLite store journal of floor commands', () => {
  for (const seed of [1, 7, 42, 20261130])
    it(`gives back exactly what was acknowledged after crashes, seed ${seed}`, async () => {
      // Over 200 floor changes in a row: past the point where a record is written whole again.
      expect(await history(seed, 600)).toBeGreaterThan(200);
    });

  it('keeps the journal private and empties it when a document it covers is deleted', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const file = join(dir, 'circle.journal');
    const canary = `canary${Math.random().toString(36).slice(2)}`;
    let rec = { seq: 1, floor: initialFloor({ turnLimitMs: null, autoHandover: true }) };
    await store.replaceIfSeq('group:g2:room', rec, 0);
    for (const cmd of [
      { type: 'join', pid: canary },
      { type: 'raiseHand', pid: canary },
    ] as FloorCommand[]) {
      const next = { seq: rec.seq + 1, floor: floorReducer(rec.floor, cmd, 5).state };
      expect(await store.replaceIfSeq('group:g2:room', next, rec.seq, { now: 5, cmd })).toBe(true);
      rec = next;
    }
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(canary);
    await store.deletePrefix('group:g2:');
    await store.forgetDeleted();
    expect(readFileSync(file, 'utf8')).not.toContain(canary);
    expect(readFileSync(join(dir, 'circle.db'))).not.toContain(canary);
    expect(await store.get('group:g2:room')).toBeNull();
    await store.close();
  });
});

describe('a journal the floor rules no longer accept', () => {
  it('starts anyway, keeping the room as it was up to the line that no longer applies', async () => {
    const dir = tempDir();
    const store = openSqliteStore(dir);
    const key = 'group:g3:room';
    let rec = { seq: 1, floor: initialFloor({ turnLimitMs: null, autoHandover: true }) };
    await store.replaceIfSeq(key, rec, 0);
    for (const cmd of [
      { type: 'join', pid: 'ana' },
      { type: 'raiseHand', pid: 'ana' },
    ] as FloorCommand[]) {
      const next = { seq: rec.seq + 1, floor: floorReducer(rec.floor, cmd, 5).state };
      expect(await store.replaceIfSeq(key, next, rec.seq, { now: 5, cmd })).toBe(true);
      rec = next;
    }
    // A line as a later version of the rules would refuse it (Ben is nobody here), then one after it.
    const bad = { seq: rec.seq + 1, floor: rec.floor };
    expect(await store.replaceIfSeq(key, bad, rec.seq, { now: 6, cmd: { type: 'give', pid: 'ben' } })).toBe(
      true,
    );
    const after = {
      seq: bad.seq + 1,
      floor: floorReducer(rec.floor, { type: 'lowerHand', pid: 'ana' }, 7).state,
    };
    expect(
      await store.replaceIfSeq(key, after, bad.seq, { now: 7, cmd: { type: 'lowerHand', pid: 'ana' } }),
    ).toBe(true);
    // The store abandoned as a crash leaves it; the next start replays what still applies.
    const again = openSqliteStore(dir);
    expect(await again.get(key)).toEqual(JSON.parse(JSON.stringify(rec)));
    await again.close();
  });
});

describe('a full disk', () => {
  it('commits nothing of a batch whose journal lines cannot be written, and replays what follows exactly', async () => {
    let full = false;
    const dir = tempDir();
    const store = openSqliteStore(dir, {
      journalWrite: (fd, data, offset) => {
        if (!full) return writeSync(fd, data, offset);
        full = false;
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    // Two people in the circle, so a raised hand is a floor change the rules accept (and replay).
    let floor = initialFloor({ turnLimitMs: 60_000, autoHandover: true });
    for (const pid of ['p0', 'p1']) floor = floorReducer(floor, { type: 'join', pid }, 1_000).state;
    const start: Rec = { seq: 1, note: 'start', floor };
    const raise = (rec: Rec, pid: string) => {
      const cmd: FloorCommand = { type: 'raiseHand', pid };
      const next: Rec = { ...rec, seq: rec.seq + 1, floor: floorReducer(rec.floor, cmd, 2_000).state };
      return [next, { now: 2_000, cmd }] as const;
    };
    for (const key of ['group:a:room', 'group:b:room'])
      expect(await store.replaceIfSeq(key, start, 0)).toBe(true);
    // One turn of the event loop: B written whole (SQLite), A as a journal line, which the full disk refuses.
    full = true;
    const [a2, aDelta] = raise(start, 'p0');
    const refused = await Promise.allSettled([
      store.replaceIfSeq('group:b:room', { ...start, seq: 2, note: 'never acknowledged' }, 1),
      store.replaceIfSeq('group:a:room', a2, 1, aDelta),
    ]);
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The rooms go on (their records as before the failure): floor commands, acknowledged, as journal lines.
    const [b2, bDelta] = raise(start, 'p1');
    expect(await store.replaceIfSeq('group:b:room', b2, 1, bDelta)).toBe(true);
    expect(await store.replaceIfSeq('group:a:room', a2, 1, aDelta)).toBe(true);
    // A crash: the store is abandoned; the next one opens the files.
    const again = openSqliteStore(dir);
    expect(await again.get('group:b:room')).toEqual(JSON.parse(JSON.stringify(b2)));
    expect(await again.get('group:a:room')).toEqual(JSON.parse(JSON.stringify(a2)));
    expect(readFileSync(join(dir, 'circle.db')).includes('never acknowledged')).toBe(false);
    await again.close();
  });
});

describe('a journal past its limit', () => {
  it('is emptied a slice at a time between writes, and a crash half-way loses nothing acknowledged', async () => {
    const rng = new Rng(20261130);
    const dir = tempDir();
    const file = join(dir, 'circle.journal');
    // Steps of emptying the journal wait here, so the test decides when one runs (or, at a crash, none).
    let steps: (() => void)[] = [];
    const open = () => {
      steps = [];
      return openSqliteStore(dir, { journalLimit: 1_000, drainSlice: 2, later: (f) => steps.push(f) });
    };
    let store = open();
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'].map((r) => `group:${r}:room`);
    const floor = initialFloor({ turnLimitMs: 60_000, autoHandover: true });
    const recs = new Map<string, Rec>(keys.map((k) => [k, { seq: 1, note: 'start', floor }]));
    for (const key of keys) expect(await store.replaceIfSeq(key, recs.get(key)!, 0)).toBe(true);
    let now = 1_000_000;
    let drained = 0;
    let crashesMidDrain = 0;
    for (let i = 0; i < 1_500; i++) {
      const key = rng.pick(keys);
      const rec = recs.get(key)!;
      now += rng.int(3_000);
      const cmd = command(rng, rec.floor);
      const r = floorReducer(rec.floor, cmd, now);
      if (!r.effects.some((e) => e.type === 'rejected')) {
        const next = { ...rec, seq: rec.seq + 1, floor: r.state };
        expect(await store.replaceIfSeq(key, next, rec.seq, { now, cmd })).toBe(true);
        recs.set(key, next);
      }
      if (steps.length && rng.chance(0.5)) {
        steps.shift()!();
        drained++;
      }
      if (rng.chance(0.01)) {
        if (steps.length) crashesMidDrain++;
        // A crash: this store is abandoned with whatever step was still to come; the next opens the files.
        store = open();
        for (const k of keys) expect(await store.get(k)).toEqual(JSON.parse(JSON.stringify(recs.get(k))));
      }
    }
    expect(drained).toBeGreaterThan(20);
    expect(crashesMidDrain).toBeGreaterThan(0);
    // Once a drain has run to its end, the journal is empty: nothing was added to it while it ran.
    while (!steps.length) {
      const key = rng.pick(keys);
      const rec = recs.get(key)!;
      const next = { ...rec, seq: rec.seq + 1, floor: floorReducer(rec.floor, { type: 'tick' }, now).state };
      expect(await store.replaceIfSeq(key, next, rec.seq, { now, cmd: { type: 'tick' } })).toBe(true);
      recs.set(key, next);
    }
    while (steps.length) steps.shift()!();
    expect(statSync(file).size).toBe(0);
    store = open();
    for (const k of keys) expect(await store.get(k)).toEqual(JSON.parse(JSON.stringify(recs.get(k))));
    await store.close();
  });
});
