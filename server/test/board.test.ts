import * as B from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { BoardPeer } from './support/board.js';
import { barrier, call, createGroup, joinAs, ok, seatedGroup, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/**
 * Time for the server to handle a connection the test closed (there is no round trip left on it to wait
 * for). Proofs that something was not received use `barrier` instead.
 */
const quiet = () => new Promise((r) => setTimeout(r, 150));

describe('decisional balances over Socket.IO', () => {
  let srv: RunningServer;
  let g: Awaited<ReturnType<typeof createGroup>>;
  let fran: Joined, ana: Joined, ben: Joined, obi: Joined;
  let id: string;
  let anaPeer: BoardPeer, franPeer: BoardPeer;

  beforeAll(async () => {
    srv = await inProcess({ rateLimitPerSec: 500 });
    ({ g, fran, ana, ben, obi } = await seatedGroup(srv.port, {
      facilitators: ['Fran'],
      members: ['Ana', 'Ben'],
      observers: ['Obi'],
    }));
  });
  afterAll(async () => {
    for (const j of [fran, ana, ben, obi]) j.socket.close();
    await srv.close();
  });

  it('keeps a new balance private to its owner and the facilitators', async () => {
    const created = await ok(ana.socket, 'board:create', { title: 'My drinking' });
    id = created.id;
    expect(created).toMatchObject({ owner: ana.pid, title: 'My drinking', shared: false });
    const titles = async (j: Joined) => (await ok(j.socket, 'board:list', {})).balances.map((b) => b.title);
    expect(await titles(ana)).toEqual(['My drinking']);
    expect(await titles(fran)).toEqual(['My drinking']);
    expect(await titles(ben)).toEqual([]);
    expect(await titles(obi)).toEqual([]);
    expect(
      await call(ben.socket, 'board:open', { id, sync: new BoardPeer(ben.socket, id).replica.openMessage() }),
    ).toEqual({ ok: false, error: 'NOT_FOUND' });
  });

  it("syncs the owner's weighted items live to a facilitator", async () => {
    anaPeer = new BoardPeer(ana.socket, id);
    franPeer = new BoardPeer(fran.socket, id);
    expect((await anaPeer.open()).access).toBe('edit');
    expect((await franPeer.open()).access).toBe('edit');
    await anaPeer.edit((d) => B.addItem(d, 'now-good', 'It relaxes me', 4));
    await anaPeer.edit((d) => B.addItem(d, 'change-good', 'More money', 5));
    await anaPeer.edit((d) => B.setStage(d, 'contemplation'));
    await waitUntil(() => B.readModel(franPeer.doc).stage === 'contemplation');
    expect(B.lean(B.readModel(franPeer.doc))).toMatchObject({ toChange: 5, toStay: 4, direction: 'change' });
  });

  it("refuses a member's forged update to someone else's private balance, and nobody receives it", async () => {
    const forger = new BoardPeer(ben.socket, id);
    B.addItem(forger.doc, 'now-bad', 'Forged', 5);
    const before = franPeer.received;
    expect(await forger.flush()).toEqual({ ok: false, error: 'NOT_FOUND' });
    await barrier(fran.socket);
    expect(franPeer.received).toBe(before);
  });

  it('lets members only suggest on a shared balance; forgeries are refused and never broadcast', async () => {
    await ok(ana.socket, 'board:share', { id, shared: true });
    const benPeer = new BoardPeer(ben.socket, id);
    expect((await benPeer.open()).access).toBe('suggest');
    expect(
      await benPeer.edit((d) =>
        B.suggest(d, { quadrant: 'now-bad', text: 'Mornings are hard', importance: 3 }, ben.pid, 1),
      ),
    ).toEqual({ ok: true, data: null });
    await waitUntil(() => B.readModel(anaPeer.doc).suggestions.length === 1);

    await franPeer.edit((d) =>
      B.suggest(d, { quadrant: 'change-bad', text: 'Fran wonders', importance: 2 }, fran.pid, 2),
    );
    await waitUntil(() => B.readModel(anaPeer.doc).suggestions.length === 2);
    const before = { ana: anaPeer.received, fran: franPeer.received };
    const item = B.readModel(benPeer.doc).items['now-good'][0]!;
    const forgeries: ((d: import('yjs').Doc) => void)[] = [
      (d) => B.updateItem(d, item.id, { importance: 1 }),
      (d) => B.removeItem(d, item.id),
      (d) => B.addItem(d, 'change-bad', 'Forged', 5),
      (d) => B.suggest(d, { quadrant: 'now-bad', text: 'In Ana’s name', importance: 3 }, ana.pid, 1),
      // Withdrawing is allowed for one's own suggestion only, not Fran's.
      (d) => B.dismissSuggestion(d, B.readModel(d).suggestions.find((x) => x.by === fran.pid)!.id),
    ];
    for (const forge of forgeries) {
      const forger = new BoardPeer(ben.socket, id);
      await forger.open();
      expect(await forger.edit(forge)).toEqual({ ok: false, error: 'FORBIDDEN' });
    }
    await Promise.all([barrier(ana.socket), barrier(fran.socket)]);
    expect({ ana: anaPeer.received, fran: franPeer.received }).toEqual(before);
    expect(B.readModel(anaPeer.doc).items['now-good'][0]).toMatchObject({ importance: 4 });

    // The owner accepts the proposal: it becomes an item everyone sees.
    const sid = B.readModel(anaPeer.doc).suggestions.find((x) => x.by === ben.pid)!.id;
    await anaPeer.edit((d) => B.acceptSuggestion(d, sid));
    await waitUntil(() => B.readModel(benPeer.doc).items['now-bad'].length === 1);
    expect(B.readModel(benPeer.doc).suggestions.map((x) => x.text)).toEqual(['Fran wonders']);
  });

  it('lets an observer read a shared balance but never write to it', async () => {
    const obiPeer = new BoardPeer(obi.socket, id);
    expect((await obiPeer.open()).access).toBe('read');
    expect(B.readModel(obiPeer.doc)).toEqual(B.readModel(anaPeer.doc));
    const before = anaPeer.received;
    expect(
      await obiPeer.edit((d) =>
        B.suggest(d, { quadrant: 'now-bad', text: 'Observer', importance: 1 }, obi.pid, 1),
      ),
    ).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(
      await call(obi.socket, 'board:awareness', { id, awareness: new Uint8Array([1, 1, 1, 2, 123, 125]) }),
    ).toEqual({ ok: false, error: 'FORBIDDEN' });
    await barrier(ana.socket);
    expect(anaPeer.received).toBe(before);
  });

  it('refuses oversized updates: over the board cap with BAD_REQUEST, over the frame limit by closing', async () => {
    const big = new Uint8Array(B.BOARD_LIMITS.messageMax + 1).fill(2);
    expect(await call(ana.socket, 'board:update', { id, sync: big })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    const extra = await joinAs(srv.port, g.links.member, 'Ana', ana.identity);
    const closed = new Promise((r) => extra.socket.once('disconnect', r));
    extra.socket.emit('board:update', { id, sync: new Uint8Array(20 * 1024).fill(2) }, () => {});
    await closed;
    expect(
      B.readModel((await new BoardPeer(fran.socket, id).open()) && franPeer.doc).items['now-good'],
    ).toHaveLength(1);
  });

  it('relays who is editing what, in the sender’s own name only', async () => {
    const seen: B.Bytes[] = [];
    fran.socket.on('board:awareness', (_id, bytes) => seen.push(bytes));
    // y-protocols awareness update: 1 entry, client 77, clock 1, state claiming to be Fran.
    const state = JSON.stringify({ pid: fran.pid, editing: 'item-1' });
    const enc = new TextEncoder().encode(state);
    const msg = new Uint8Array([1, 77, 1, enc.length, ...enc]);
    // Not from a connection that has not opened the balance.
    const cy = await joinAs(srv.port, g.links.member, 'Cy');
    expect(await call(cy.socket, 'board:awareness', { id, awareness: msg })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });
    await ok(cy.socket, 'room:leave', {});
    cy.socket.close();
    await ok(ana.socket, 'board:awareness', { id, awareness: msg });
    await waitUntil(() => seen.length > 0);
    expect(new TextDecoder().decode(B.toBytes(seen[0]!))).toContain(
      `{"pid":"${ana.pid}","editing":"item-1"}`,
    );
  });

  it('spotlights only shared balances, for facilitators only, and takes it down when unshared', async () => {
    const spot: (string | null)[] = [];
    ben.socket.on('board:spotlight', (s) => spot.push(s));
    const gone: string[] = [];
    ben.socket.on('board:gone', (x) => gone.push(x));
    expect(await call(ben.socket, 'board:spotlight', { id })).toEqual({ ok: false, error: 'FORBIDDEN' });
    await ok(fran.socket, 'board:spotlight', { id });
    await waitUntil(() => spot.at(-1) === id);
    expect((await ok(obi.socket, 'board:list', {})).spotlight).toBe(id);
    await ok(ana.socket, 'board:share', { id, shared: false });
    await waitUntil(() => spot.at(-1) === null && gone.includes(id));
    expect(await call(fran.socket, 'board:spotlight', { id })).toEqual({ ok: false, error: 'CONFLICT' });
    expect((await ok(ben.socket, 'board:list', {})).balances).toEqual([]);
  });

  it('lets only the owner delete a balance', async () => {
    expect(await call(fran.socket, 'board:delete', { id })).toEqual({ ok: false, error: 'FORBIDDEN' });
    const gone = new Promise((r) => fran.socket.once('board:gone', r));
    await ok(ana.socket, 'board:delete', { id });
    await gone;
    expect((await ok(ana.socket, 'board:list', {})).balances).toEqual([]);
    expect(
      await call(ana.socket, 'board:open', { id, sync: new BoardPeer(ana.socket, id).replica.openMessage() }),
    ).toEqual({ ok: false, error: 'NOT_FOUND' });
  });

  it('keeps a snapshot at the end of each meeting to show the owner what changed since', async () => {
    const b = await ok(ana.socket, 'board:create', { title: 'Weekend speed' });
    const peer = new BoardPeer(ana.socket, b.id);
    expect((await peer.open()).previous).toBeNull();
    await peer.edit((d) => B.addItem(d, 'now-good', 'Energy', 3));
    for (const j of [fran, ben, obi, ana]) await ok(j.socket, 'room:leave', {});
    ana.socket.close();
    // The next meeting: Ana comes back with her identity and sees last meeting's copy.
    ana = await joinAs(srv.port, g.links.member, 'Ana', ana.identity);
    const again = new BoardPeer(ana.socket, b.id);
    const opened = await again.open();
    expect(opened.previous?.model.items['now-good'].map((i) => i.text)).toEqual(['Energy']);
    expect(B.readModel(again.doc).items['now-good'].map((i) => i.text)).toEqual(['Energy']);
  });

  it('deleting the group deletes its balances, and nothing in memory writes them back', async () => {
    const g2 = await createGroup(srv.port);
    const f2 = await joinAs(srv.port, g2.links.facilitator, 'Fay');
    const { id: b2 } = await ok(f2.socket, 'board:create', { title: 'Smoking' });
    const peer = new BoardPeer(f2.socket, b2);
    await peer.open();
    for (let i = 0; i < 3; i++) await peer.edit((d) => B.addItem(d, 'now-good', `Reason ${i}`, 2));
    const closed = new Promise((r) => f2.socket.once('board:gone', r));
    await ok(f2.socket, 'meeting:deleteGroup', { confirm: true });
    await closed;
    f2.socket.close();
    await quiet();
    const { boardKeys } = await import('../src/board/keys.js');
    for (const key of [
      boardKeys.index(g2.groupId),
      boardKeys.state(g2.groupId, b2),
      boardKeys.lastSnapshot(g2.groupId, b2),
    ])
      expect(await srv.store.get(key)).toBeNull();
    expect(await srv.store.read(boardKeys.log(g2.groupId, b2, 0))).toEqual([]);
  });

  it("erasing one's identity deletes one's balances", async () => {
    await ok(ana.socket, 'identity:erase', {});
    fran = await joinAs(srv.port, g.links.facilitator, 'Fran', fran.identity);
    expect((await ok(fran.socket, 'board:list', {})).balances).toEqual([]);
  });
});
