/**
 * The board bench's scenarios (bench/board.ts runs them): a sender that flushes like the browser, building
 * a big balance, edits on it, and a late joiner's sync.
 */
import { performance } from 'node:perf_hooks';
import * as B from '@circle/shared';
import * as Y from 'yjs';
import type { RunningServer } from '../server/src/server.js';
import { BoardPeer } from '../server/test/support/board.js';
import { createGroup, joinAs, ok } from '../server/test/support/client.js';

/** A full balance by default: the server refuses items past the cap. */
export const ITEMS = Number(process.env.BOARD_BENCH_ITEMS ?? B.BOARD_LIMITS.itemsPerBalance);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a peer's queued edits one message at a time, as the browser does. */
export function sender(peer: BoardPeer) {
  let busy = false;
  return async function flush() {
    if (busy) return;
    busy = true;
    try {
      while (peer.replica.pending) {
        const ack = await peer.flush();
        if (!ack.ok) throw new Error(`refused: ${ack.error}`);
      }
    } finally {
      busy = false;
    }
  };
}

export async function buildBoard(srv: RunningServer) {
  const g = await createGroup(srv.port);
  const owner = await joinAs(srv.port, g.links.member, 'Owner');
  const { id } = await ok(owner.socket, 'board:create', { title: 'A full balance' });
  const peer = new BoardPeer(owner.socket, id);
  await peer.open();
  // Many items per transaction, but each update under the message cap.
  for (let i = 0; i < ITEMS; i += 40) {
    peer.doc.transact(() => {
      for (let k = i; k < Math.min(ITEMS, i + 40); k++)
        B.addItem(peer.doc, B.QUADRANTS[k % 4]!, `Reason number ${k} that matters to me`, 1 + (k % 5));
    });
    await sender(peer)();
  }
  return { g, owner, id };
}

/** Edits of the big board's items (it is full): the server's check must not grow with the document. */
export async function bigBoardEdits(port: number, built: Awaited<ReturnType<typeof buildBoard>>) {
  const watcher = await joinAs(port, built.g.links.facilitator, 'Watcher');
  const peer = new BoardPeer(watcher.socket, built.id);
  await peer.open();
  const owner = await openAgain(built);
  const samples: number[] = [];
  B.roots(peer.doc).items.observeDeep((events) => {
    for (const e of events) {
      if (!(e instanceof Y.YMapEvent) || !e.keysChanged.has('text')) continue;
      const m = /^big@([\d.]+)$/.exec(String((e.target as Y.Map<unknown>).get('text')));
      if (m) samples.push(performance.now() - Number(m[1]));
    }
  });
  const flush = sender(owner);
  const ids = [...B.roots(owner.doc).items.keys()];
  for (let n = 0; n < 40; n++) {
    B.updateItem(owner.doc, ids[(n * 7) % ids.length]!, { text: `big@${performance.now()}` });
    await flush();
    await sleep(100);
  }
  await sleep(500);
  watcher.socket.close();
  return samples;
}

/** The builder's own peer, reopened so its replica follows later changes. */
async function openAgain(built: Awaited<ReturnType<typeof buildBoard>>) {
  const peer = new BoardPeer(built.owner.socket, built.id);
  await peer.open();
  return peer;
}

export async function lateJoin(port: number, link: string, identity: string | undefined, id: string) {
  const j = await joinAs(port, link, 'Late', identity);
  const peer = new BoardPeer(j.socket, id);
  const t0 = performance.now();
  const opened = await ok(j.socket, 'board:open', { id, sync: peer.replica.openMessage() });
  const tAck = performance.now();
  peer.replica.applyRemote(B.toBytes(opened.sync));
  const count = B.itemCount(B.readModel(peer.doc));
  const t1 = performance.now();
  j.socket.close();
  if (count < ITEMS) throw new Error(`late joiner saw ${count} items`);
  return { ms: t1 - t0, answerMs: tAck - t0, bytes: B.toBytes(opened.sync).byteLength };
}
