import type { BoardModel } from '@circle/shared';
import { boardIds, readModel, Replica } from '@circle/shared';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { AppError } from '../../errors.js';
import type { CircleSocket } from '../../socket/context.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { LiveBalance } from '../live.js';
import { editorEdit, suggesterEdit } from './edits.js';
import { Rng } from '@circle/shared/random';

type Msg =
  { kind: 'update' | 'opened'; bytes: Uint8Array } | { kind: 'ack'; count: number } | { kind: 'nack' };

interface Peer {
  pid: string;
  access: 'edit' | 'suggest';
  replica: Replica;
  socket: string | null;
  /** Connection generation: answers to an older connection are lost. */
  conn: number;
  ready: boolean;
  inFlight: boolean;
  inbox: Msg[];
  /** Made a forged edit since its last reset: only such a peer may ever be refused. */
  tainted: boolean;
}

interface Request {
  peer: Peer;
  conn: number;
  socket: string;
  message: Uint8Array;
  count: number;
}

export interface SimResult {
  replicas: BoardModel[];
  replicaVectors: string[];
  server: BoardModel;
  serverVector: string;
  persisted: BoardModel;
  persistedVector: string;
  stats: { rejected: number; honestRejected: number; restarts: number; disconnects: number };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * Several replicas (owner, facilitator, members suggesting) edit one balance through the real server-side
 * LiveBalance (authority, SQLite persistence, compaction) while the network drops connections, loses
 * answers, reorders deliveries and the server restarts from its store. Everything then reconnects and
 * drains; the caller compares every copy.
 */
export async function simulate(seed: number, steps = 400, compactEvery = 9): Promise<SimResult> {
  const rng = new Rng(seed);
  let ids = 0;
  let clients = 1000;
  const saved = boardIds.next;
  boardIds.next = () => `s${seed}i${++ids}`;
  const store = openSqliteStore(mkdtempSync(join(tmpdir(), 'circle-board-sim-')));
  const stats = { rejected: 0, honestRejected: 0, restarts: 0, disconnects: 0 };
  const sockets = new Map<string, Peer>();
  let socketSeq = 0;
  const opts = { compactEvery, visible: () => true, idle: () => {} };
  let live = await LiveBalance.load(store, 'g', 'b', opts);

  const fresh = (p: Peer) => (p.replica.doc.clientID = ++clients);
  const peers: Peer[] = (['edit', 'edit', 'suggest', 'suggest'] as const).map((access, i) => {
    const p: Peer = {
      pid: `p${i}`,
      access,
      replica: new Replica(),
      socket: null,
      conn: 0,
      ready: false,
      inFlight: false,
      inbox: [],
      tainted: false,
    };
    fresh(p);
    return p;
  });
  let queue: Request[] = [];
  const fake = (id: string) =>
    ({
      id,
      emit: (event: string, _id: string, bytes: Uint8Array) => {
        const p = sockets.get(id);
        if (p && p.socket === id && event === 'board:update') p.inbox.push({ kind: 'update', bytes });
      },
    }) as unknown as CircleSocket;

  const connect = async (p: Peer) => {
    p.socket = `s${++socketSeq}`;
    sockets.set(p.socket, p);
    const sub = {
      socket: fake(p.socket),
      pid: p.pid,
      role: p.access === 'edit' ? 'facilitator' : 'member',
    } as const;
    const opened = await live.run(() => live.open(sub, p.replica.openMessage()));
    p.inbox.push({ kind: 'opened', bytes: opened.sync });
  };
  const disconnect = async (p: Peer) => {
    if (p.socket) await live.run(() => live.unsubscribe(p.socket!));
    p.socket = null;
    p.conn++;
    p.ready = false;
    p.inFlight = false;
    p.inbox = [];
    stats.disconnects++;
  };
  const flush = (p: Peer) => {
    if (!p.socket || !p.ready || p.inFlight) return;
    const batch = p.replica.nextBatch();
    if (!batch) return;
    p.inFlight = true;
    queue.push({ peer: p, conn: p.conn, socket: p.socket, message: batch.message, count: batch.count });
  };
  const serve = async (r: Request) => {
    queue = queue.filter((q) => q !== r);
    let reply: Msg;
    try {
      await live.run(() => live.update(r.socket, { pid: r.peer.pid, access: r.peer.access }, r.message));
      reply = { kind: 'ack', count: r.count };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      stats.rejected++;
      if (!r.peer.tainted) stats.honestRejected++;
      reply = { kind: 'nack' };
    }
    if (r.peer.conn === r.conn && r.peer.socket) r.peer.inbox.push(reply);
  };
  const deliver = async (p: Peer, i: number) => {
    const [m] = p.inbox.splice(i, 1);
    if (!m) return;
    if (m.kind === 'update') p.replica.applyRemote(m.bytes);
    else if (m.kind === 'opened') {
      p.replica.applyOpened(m.bytes);
      p.ready = true;
    } else if (m.kind === 'ack') {
      p.replica.acked(m.count);
      p.inFlight = false;
    } else {
      // Refused: start again from the server's copy, as the browser does.
      p.replica.reset();
      p.tainted = false;
      fresh(p);
      p.inFlight = false;
      p.ready = false;
      p.inbox = p.inbox.filter((x) => x.kind !== 'opened');
      const sub = { socket: fake(p.socket!), pid: p.pid, role: 'member' } as const;
      const opened = await live.run(() => live.open(sub, p.replica.openMessage()));
      p.inbox.push({ kind: 'opened', bytes: opened.sync });
    }
  };

  try {
    for (const p of peers) await connect(p);
    for (let step = 0; step < steps; step++) {
      const r = rng.float();
      const p = rng.pick(peers);
      if (r < 0.35) {
        // As in the browser: a copy that has not had the server's answer since it was reset is not edited.
        if (!p.replica.synced) continue;
        const label = `${p.pid}-${step}`;
        if (p.access === 'edit') editorEdit(rng, p.replica.doc, label);
        else if (suggesterEdit(rng, p.replica.doc, p.pid, label, step) === 'forged') p.tainted = true;
      } else if (r < 0.55) flush(p);
      else if (r < 0.7) {
        const mine = queue.filter((q) => q.peer === p);
        if (mine[0]) await serve(mine[0]);
      } else if (r < 0.9) {
        if (p.socket && p.inbox.length) await deliver(p, rng.int(p.inbox.length));
      } else if (r < 0.96) {
        if (p.socket) {
          // What was already sent may still reach the server, or not.
          if (rng.chance(0.5)) queue = queue.filter((q) => q.peer !== p);
          await disconnect(p);
        }
      } else if (r < 0.99) {
        if (!p.socket) await connect(p);
      } else {
        // kill -9: memory is gone, requests in the air are lost, everyone drops; only the store remains.
        stats.restarts++;
        queue = [];
        for (const q of peers) await disconnect(q);
        live.dispose();
        live = await LiveBalance.load(store, 'g', 'b', opts);
      }
    }
    // Heal: everyone reconnects and every queue drains.
    for (const p of peers) if (!p.socket) await connect(p);
    for (let round = 0; round < 10_000; round++) {
      let busy = queue.length > 0;
      if (queue[0]) await serve(queue[0]);
      for (const p of peers) {
        if (p.inbox.length) await deliver(p, 0);
        flush(p);
        busy ||= p.inbox.length > 0 || p.inFlight || p.replica.pending > 0;
      }
      if (!busy) break;
    }
    const reloaded = await LiveBalance.load(store, 'g', 'b', opts);
    const result: SimResult = {
      replicas: peers.map((p) => readModel(p.replica.doc)),
      replicaVectors: peers.map((p) => hex(Y.encodeStateVector(p.replica.doc))),
      server: live.model(),
      serverVector: hex(live.stateVector()),
      persisted: reloaded.model(),
      persistedVector: hex(reloaded.stateVector()),
      stats,
    };
    reloaded.dispose();
    return result;
  } finally {
    live.dispose();
    boardIds.next = saved;
    await store.close();
  }
}
