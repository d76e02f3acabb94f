import * as B from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardKeys } from '../src/board/keys.js';
import { HEAP_PER_STRUCT } from '../src/board/live.js';
import type { RunningServer } from '../src/server.js';
import { BoardPeer } from './support/board.js';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/**
 * A member attacking the server through their own balance, with updates written straight into the Y.Doc
 * (no edit.ts helper), sent over a real socket as `board:update`. Every shape the model does not have is
 * refused; caps on items, goals, balances and history are refused with LIMIT; the live doc is unchanged.
 */

/** Sends everything queued in the peer's outbox, one message at a time; resolves with the first refusal. */
async function sendAll(peer: BoardPeer) {
  for (;;) {
    const ack = await peer.flush();
    if (!ack.ok || peer.replica.pending === 0) return ack;
  }
}

/** Opens the balance on a fresh connection of the same person and reads the server's copy. */
async function serverCopy(j: Joined, id: string) {
  const peer = new BoardPeer(j.socket, id);
  await peer.open();
  return peer.doc;
}

describe('a balance holds only what the model allows', () => {
  let srv: RunningServer;
  let g: Awaited<ReturnType<typeof createGroup>>;
  let ana: Joined;
  let id: string;

  beforeAll(async () => {
    srv = await inProcess({ rateLimitPerSec: 1000 });
    g = await createGroup(srv.port);
    ana = await joinAs(srv.port, g.links.member, 'Ana');
    ({ id } = await ok(ana.socket, 'board:create', { title: 'Drinking' }));
    const peer = new BoardPeer(ana.socket, id);
    await peer.open();
    expect(await peer.edit((d) => B.addItem(d, 'now-good', 'It relaxes me', 3))).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    ana.socket.close();
    await srv.close();
  });

  /** A fresh, synced copy of Ana's; `fn` changes it behind the model's back and the result is sent. */
  async function attempt(fn: (doc: Y.Doc) => void) {
    const peer = new BoardPeer(ana.socket, id);
    await peer.open();
    const before = Y.encodeStateAsUpdate(await serverCopy(ana, id));
    fn(peer.doc);
    const ack = await sendAll(peer);
    const after = Y.encodeStateAsUpdate(await serverCopy(ana, id));
    return { ack, unchanged: Buffer.compare(Buffer.from(before), Buffer.from(after)) === 0 };
  }

  it('refuses a 5,000-level nested value, and the end-of-meeting snapshot still works', async () => {
    const peer = new BoardPeer(ana.socket, id);
    await peer.open();
    let top = new Y.Map<unknown>();
    B.roots(peer.doc).items.set('deep', top);
    // Built outside-in, 500 levels per transaction, so every message stays under the frame cap.
    for (let chunk = 0; chunk < 10; chunk++)
      peer.doc.transact(() => {
        for (let i = 0; i < 500; i++) {
          const next = new Y.Map<unknown>();
          top.set('x', next);
          top = next;
        }
      });
    expect(await sendAll(peer)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(B.roots(await serverCopy(ana, id)).items.has('deep')).toBe(false);

    // An honest edit afterwards, then the meeting ends: its snapshot is there with that edit.
    const honest = new BoardPeer(ana.socket, id);
    await honest.open();
    expect(await honest.edit((d) => B.addItem(d, 'now-bad', 'Mornings', 4))).toMatchObject({ ok: true });
    await ok(ana.socket, 'room:leave', {});
    ana.socket.close();
    await waitUntil(async () => !!(await srv.store.get(boardKeys.lastSnapshot(g.groupId, id))));
    const last = await srv.store.get<B.BalanceSnapshot>(boardKeys.lastSnapshot(g.groupId, id));
    expect(last?.model.items['now-bad'].map((i) => i.text)).toEqual(['Mornings']);
    ana = await joinAs(srv.port, g.links.member, 'Ana', ana.identity);
  });

  it('refuses unknown keys: in meta, in an item, in a goal', async () => {
    const itemId = B.readModel(await serverCopy(ana, id)).items['now-good'][0]!.id;
    for (const forge of [
      (d: Y.Doc) => B.roots(d).meta.set('colour', 'red'),
      (d: Y.Doc) => (B.roots(d).items.get(itemId) as Y.Map<unknown>).set('secret', 'x'),
      (d: Y.Doc) => {
        const goal = new Y.Map<unknown>();
        B.roots(d).goals.set('g1', goal);
        goal.set('text', 'Fine');
        goal.set('order', 0);
        goal.set('extra', 1);
      },
    ])
      expect(await attempt(forge)).toEqual({ ack: { ok: false, error: 'BAD_REQUEST' }, unchanged: true });
  });

  it('refuses non-primitive, mistyped and over-long fields', async () => {
    const itemId = B.readModel(await serverCopy(ana, id)).items['now-good'][0]!.id;
    const item = (d: Y.Doc) => B.roots(d).items.get(itemId) as Y.Map<unknown>;
    for (const forge of [
      (d: Y.Doc) => item(d).set('text', new Y.Map()),
      (d: Y.Doc) => item(d).set('text', { nested: { value: 1 } }),
      (d: Y.Doc) => item(d).set('text', ['a', 'b']),
      (d: Y.Doc) => item(d).set('importance', '5'),
      (d: Y.Doc) => item(d).set('importance', 9),
      (d: Y.Doc) => item(d).set('quadrant', 'elsewhere'),
      (d: Y.Doc) => item(d).set('text', 'x'.repeat(B.BOARD_LIMITS.textMax + 1)),
      (d: Y.Doc) => B.roots(d).meta.set('stage', { stage: 'action' }),
      (d: Y.Doc) => d.getMap<unknown>('items').set('plain', 'not a map'),
      (d: Y.Doc) => B.roots(d).suggestions.set('s', { text: 'not a suggestion' }),
    ])
      expect(await attempt(forge)).toEqual({ ack: { ok: false, error: 'BAD_REQUEST' }, unchanged: true });
    // The model's own writes still go through.
    expect(await attempt((d) => B.updateItem(d, itemId, { text: 'Calm', importance: 5 }))).toEqual({
      ack: { ok: true, data: null },
      unchanged: false,
    });
  });
});

describe('caps on a balance and on a person', () => {
  let srv: RunningServer;
  let g: Awaited<ReturnType<typeof createGroup>>;
  let ana: Joined;

  beforeAll(async () => {
    srv = await inProcess({ rateLimitPerSec: 1000 });
    g = await createGroup(srv.port);
    ana = await joinAs(srv.port, g.links.member, 'Ana');
  });
  afterAll(async () => {
    ana.socket.close();
    await srv.close();
  });

  const create = async (title: string) => {
    const { id } = await ok(ana.socket, 'board:create', { title });
    const peer = new BoardPeer(ana.socket, id);
    await peer.open();
    return peer;
  };

  it(`refuses item ${B.BOARD_LIMITS.itemsPerBalance + 1} with LIMIT`, async () => {
    const peer = await create('Full');
    for (let i = 0; i < B.BOARD_LIMITS.itemsPerBalance; i += 20)
      peer.doc.transact(() => {
        for (let k = i; k < i + 20; k++) B.addItem(peer.doc, B.QUADRANTS[k % 4]!, `Reason ${k}`, 2);
      });
    expect(await sendAll(peer)).toEqual({ ok: true, data: null });
    expect(await peer.edit((d) => B.addItem(d, 'now-good', 'One too many', 1))).toEqual({
      ok: false,
      error: 'LIMIT',
    });
    expect(B.itemCount(B.readModel(await serverCopy(ana, peer.id)))).toBe(B.BOARD_LIMITS.itemsPerBalance);
  });

  it(`refuses goal ${B.BOARD_LIMITS.goalsPerBalance + 1} with LIMIT`, async () => {
    const peer = await create('Goals');
    peer.doc.transact(() => {
      for (let k = 0; k < B.BOARD_LIMITS.goalsPerBalance; k++) B.addGoal(peer.doc, `Goal ${k}`);
    });
    expect(await sendAll(peer)).toEqual({ ok: true, data: null });
    expect(await peer.edit((d) => B.addGoal(d, 'One too many'))).toEqual({ ok: false, error: 'LIMIT' });
  });

  it('caps the history one balance accumulates (tombstones of overwritten values)', async () => {
    const peer = await create('Churn');
    await peer.edit((d) => {
      B.addItem(d, 'now-good', 'A', 1);
      B.addItem(d, 'now-bad', 'B', 1);
    });
    const [a, b] = [...B.roots(peer.doc).items.values()] as Y.Map<unknown>[];
    let refused: unknown = null;
    // Alternating keys so Yjs cannot merge the tombstones: every set leaves one more struct behind.
    for (let round = 0; round < 200 && !refused; round++) {
      peer.doc.transact(() => {
        for (let k = 0; k < 500; k++) (k % 2 ? a! : b!).set('importance', 1 + (k % 5));
      });
      const ack = await peer.flush();
      if (!ack.ok) refused = ack;
    }
    expect(refused).toEqual({ ok: false, error: 'LIMIT' });
  });

  it(`refuses balance ${B.BOARD_LIMITS.balancesPerOwner + 1} of one person with LIMIT`, async () => {
    const mine = (await ok(ana.socket, 'board:list', {})).balances.length;
    for (let i = mine; i < B.BOARD_LIMITS.balancesPerOwner; i++)
      await ok(ana.socket, 'board:create', { title: `Balance ${i}` });
    expect(await call(ana.socket, 'board:create', { title: 'One too many' })).toEqual({
      ok: false,
      error: 'LIMIT',
    });
  });
});

describe('balances in memory and their snapshots', () => {
  let srv: RunningServer;
  let g: Awaited<ReturnType<typeof createGroup>>;

  beforeAll(async () => {
    // A cap so small that any balance nobody has open is over it.
    srv = await inProcess({ rateLimitPerSec: 1000, boardLiveMaxBytes: 1 });
    g = await createGroup(srv.port);
  });
  afterAll(() => srv.close());

  it('unloads a balance nobody has open once the live cap is reached, and loads it again on open', async () => {
    const ana = await joinAs(srv.port, g.links.member, 'Ana');
    const fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    const { id } = await ok(ana.socket, 'board:create', { title: 'Evicted' });
    const peer = new BoardPeer(ana.socket, id);
    await peer.open();
    await peer.edit((d) => B.addItem(d, 'now-good', 'Kept', 2));
    await ok(ana.socket, 'board:close', { id });
    // Unloading persists first: the log is folded into a compacted state, long before the idle minute.
    await waitUntil(
      async () => ((await srv.store.get<{ gen: number }>(boardKeys.state(g.groupId, id)))?.gen ?? 0) >= 1,
      5_000,
      'the balance to be compacted and unloaded',
    );
    const again = new BoardPeer(ana.socket, id);
    await again.open();
    expect(B.readModel(again.doc).items['now-good'].map((i) => i.text)).toEqual(['Kept']);

    // A balance someone has open stays loaded: Fran's edit reaches Ana.
    const franPeer = new BoardPeer(fran.socket, id);
    await franPeer.open();
    await franPeer.edit((d) => B.addItem(d, 'change-good', 'From Fran', 3));
    await waitUntil(() => B.readModel(again.doc).items['change-good'].length === 1);

    // While what is open already fills the cap, another balance is not loaded.
    const { id: other } = await ok(ana.socket, 'board:create', { title: 'Other' });
    expect(await call(ana.socket, 'board:open', { id: other, sync: new B.Replica().openMessage() })).toEqual({
      ok: false,
      error: 'UNAVAILABLE',
    });
    for (const j of [ana, fran]) {
      await ok(j.socket, 'room:leave', {});
      j.socket.close();
    }
  });

  it('snapshots at the end of a meeting only the balances that changed in it', async () => {
    const ana = await joinAs(srv.port, g.links.member, 'Ana');
    const { id: touched } = await ok(ana.socket, 'board:create', { title: 'Touched' });
    const { id: untouched } = await ok(ana.socket, 'board:create', { title: 'Untouched' });
    for (const id of [touched, untouched]) {
      const peer = new BoardPeer(ana.socket, id);
      await peer.open();
      await peer.edit((d) => B.addItem(d, 'now-good', 'First meeting', 2));
      await ok(ana.socket, 'board:close', { id });
    }
    await ok(ana.socket, 'room:leave', {});
    ana.socket.close();
    const snapshots = async (id: string) => (await srv.store.read(boardKeys.snapshots(g.groupId, id))).length;
    expect([await snapshots(touched), await snapshots(untouched)]).toEqual([1, 1]);
    // Retention removed the untouched balance's old snapshot; nothing in the next meeting may re-create it.
    await srv.store.deletePrefix(boardKeys.snapshots(g.groupId, untouched));
    await srv.store.del(boardKeys.lastSnapshot(g.groupId, untouched));

    const back = await joinAs(srv.port, g.links.member, 'Ana', ana.identity);
    const peer = new BoardPeer(back.socket, touched);
    await peer.open();
    await peer.edit((d) => B.addItem(d, 'now-bad', 'Second meeting', 4));
    await ok(back.socket, 'board:close', { id: touched });
    // Reading the untouched one is not changing it.
    await new BoardPeer(back.socket, untouched).open();
    await ok(back.socket, 'room:leave', {});
    back.socket.close();
    expect([await snapshots(touched), await snapshots(untouched)]).toEqual([2, 0]);
    expect(await srv.store.get(boardKeys.lastSnapshot(g.groupId, untouched))).toBeNull();
  });
});

describe('the live cap unloads the least recently used balance first', () => {
  // One item is 5 Yjs structs; a balance being edited also keeps its shadow copy (twice the weight).
  const oneItem = 5 * HEAP_PER_STRUCT;
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await inProcess({ rateLimitPerSec: 1000, boardLiveMaxBytes: 3 * oneItem });
  });
  afterAll(() => srv.close());

  it('keeps the balance used a moment ago and unloads the one used longest ago', async () => {
    const g = await createGroup(srv.port);
    const ana = await joinAs(srv.port, g.links.member, 'Ana');
    const ids: string[] = [];
    for (const title of ['A', 'B', 'C']) ids.push((await ok(ana.socket, 'board:create', { title })).id);
    const [a, b, c] = ids as [string, string, string];
    const withOneItem = async (id: string) => {
      const peer = new BoardPeer(ana.socket, id);
      await peer.open();
      await peer.edit((d) => B.addItem(d, 'now-good', 'One', 2));
      return peer;
    };
    await withOneItem(a);
    await ok(ana.socket, 'board:close', { id: a });
    await withOneItem(b);
    await ok(ana.socket, 'board:close', { id: b });
    // A is read again: B is now the one used longest ago.
    await new BoardPeer(ana.socket, a).open();
    await ok(ana.socket, 'board:close', { id: a });
    const gen = async (id: string) =>
      (await srv.store.get<{ gen: number }>(boardKeys.state(g.groupId, id)))?.gen ?? 0;
    expect([await gen(a), await gen(b)]).toEqual([0, 0]);

    // Editing C (with its shadow) takes the total over the cap by one balance's worth.
    await withOneItem(c);
    await waitUntil(async () => (await gen(b)) >= 1, 5_000, 'B to be compacted and unloaded');
    expect(await gen(a)).toBe(0);
    ana.socket.close();
  });
});
