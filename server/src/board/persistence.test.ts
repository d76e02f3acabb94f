import * as B from '@circle/shared';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/index.js';
import { encodeAwareness, sanitizeAwareness } from './awareness.js';
import { boardKeys } from './keys.js';
import { LiveBalance } from './live.js';

const opts = { compactEvery: 5, visible: () => true, idle: () => {} };
let store: Store;
afterEach(async () => store?.close());

describe('a balance in the store', () => {
  it('appends every accepted update, compacts after N and reloads identically', async () => {
    store = openSqliteStore(mkdtempSync(join(tmpdir(), 'circle-board-')));
    const live = await LiveBalance.load(store, 'g', 'b', opts);
    const r = new B.Replica();
    for (let i = 0; i < 12; i++) {
      B.addItem(r.doc, 'now-good', `Item ${i}`, 1 + (i % 5));
      const batch = r.nextBatch()!;
      await live.run(() => live.update('s', { pid: 'owner', access: 'edit' }, batch.message));
      r.acked(batch.count);
    }
    await live.run(() => undefined); // let the queued compaction finish
    const state = await store.get<{ gen: number }>(boardKeys.state('g', 'b'));
    expect(state?.gen).toBe(2);
    expect(await store.read(boardKeys.log('g', 'b', 1))).toEqual([]);
    expect(await store.read(boardKeys.log('g', 'b', 2))).toHaveLength(2);
    const again = await LiveBalance.load(store, 'g', 'b', opts);
    expect(again.model()).toEqual(live.model());
    expect(again.model().items['now-good']).toHaveLength(12);
    live.dispose();
    again.dispose();
  });

  it('never stores a refused update', async () => {
    store = openSqliteStore(mkdtempSync(join(tmpdir(), 'circle-board-')));
    const live = await LiveBalance.load(store, 'g', 'b', opts);
    const r = new B.Replica();
    B.addItem(r.doc, 'now-good', 'Forged', 5);
    await expect(
      live.run(() => live.update('s', { pid: 'ana', access: 'suggest' }, r.nextBatch()!.message)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await store.read(boardKeys.log('g', 'b', 0))).toEqual([]);
    live.dispose();
  });
});

describe('awareness from a client', () => {
  it('is rewritten to the sender and the item they edit, whatever they claim', () => {
    const bytes = encodeAwareness([
      { clientID: 7, clock: 3, state: { pid: 'someone-else', editing: 'item1' } },
    ]);
    expect(sanitizeAwareness(bytes, 'ana')).toEqual([
      { clientID: 7, clock: 3, state: { pid: 'ana', editing: 'item1' } },
    ]);
  });

  it('refuses malformed or oversized messages', () => {
    expect(sanitizeAwareness(new Uint8Array([5, 1]), 'ana')).toBeNull();
    const big = encodeAwareness([{ clientID: 1, clock: 1, state: { pid: 'x'.repeat(600), editing: null } }]);
    expect(sanitizeAwareness(big, 'ana')).toBeNull();
    expect(sanitizeAwareness(encodeAwareness([]), 'ana')).toBeNull();
  });
});
