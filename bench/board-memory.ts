/**
 * What one member link can make the server hold in memory through a balance of their own: for each way
 * of filling a balance, updates are sent over a real socket until the server refuses one (or a budget is
 * spent), then the server's heap growth is divided by the bytes it accepted.
 *
 *  - items:    honest-looking items, 40 per update, as many as the server takes;
 *  - churn:    one item's fields overwritten 1,000 times per update (every overwrite leaves a tombstone);
 *  - keys:     600 new keys per update in `meta` (a shape the model does not have).
 *
 * Run: node --expose-gc --import tsx bench/board-memory.ts     Tunable: BOARD_MEMORY_BUDGET (bytes, 4 MiB).
 * Prints a table, then the same figures as JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as B from '@circle/shared';
import { pino } from 'pino';
import * as Y from 'yjs';
import { loadConfig } from '../server/src/config.js';
import { startServer } from '../server/src/server.js';
import { BoardPeer } from '../server/test/support/board.js';
import { createGroup, joinAs, ok } from '../server/test/support/client.js';

const BUDGET = Number(process.env.BOARD_MEMORY_BUDGET ?? 4 * 1024 * 1024);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const heap = () => {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
};

type Fill = (doc: Y.Doc, round: number) => void;
const scenarios: Record<string, Fill> = {
  items: (doc, round) => {
    // What B.addItem writes, without its per-call read of the whole model (quadratic over a big budget).
    for (let k = 0; k < 40; k++) {
      const n = round * 40 + k;
      const item = new Y.Map<unknown>();
      B.roots(doc).items.set(`i${n}`, item);
      item.set('quadrant', B.QUADRANTS[k % 4]!);
      item.set('text', `Reason number ${n} that matters to me`);
      item.set('importance', 1 + (k % 5));
      item.set('order', n);
    }
  },
  churn: (doc, round) => {
    if (round === 0) {
      B.addItem(doc, 'now-good', 'A', 1);
      B.addItem(doc, 'now-bad', 'B', 1);
      return;
    }
    const [a, b] = [...B.roots(doc).items.values()] as Y.Map<unknown>[];
    for (let k = 0; k < 1000; k++) (k % 2 ? a! : b!).set('importance', 1 + (k % 5));
  },
  keys: (doc, round) => {
    for (let k = 0; k < 600; k++) B.roots(doc).meta.set(`k${round}-${k}`, k);
  },
};

const config = {
  ...loadConfig({}),
  port: 0,
  host: '127.0.0.1',
  dataDir: mkdtempSync(join(tmpdir(), 'circle-board-memory-')),
  rateLimitPerSec: 100_000,
  media: false,
};
const srv = await startServer(config, pino({ level: 'silent' }));
const g = await createGroup(srv.port);

const rows: { scenario: string; accepted: number; refusedWith: string; heap: number; perByte: number }[] = [];
for (const [name, fill] of Object.entries(scenarios)) {
  const owner = await joinAs(srv.port, g.links.member, `Owner ${name}`);
  const { id } = await ok(owner.socket, 'board:create', { title: name });
  const peer = new BoardPeer(owner.socket, id);
  await peer.open();
  const before = heap();
  let accepted = 0;
  let refusedWith = '-';
  for (let round = 0; accepted < BUDGET; round++) {
    peer.doc.transact(() => fill(peer.doc, round));
    const batch = peer.replica.nextBatch();
    if (!batch) break;
    const ack = await peer.flush();
    if (!ack.ok) {
      refusedWith = ack.error;
      break;
    }
    accepted += batch.message.byteLength;
  }
  // Only the server's copy should remain: drop this side's replica and connection before measuring.
  await ok(owner.socket, 'board:close', { id });
  peer.replica.destroy();
  // The socket's listeners hold the peer, and with it this side's copy of every struct.
  owner.socket.removeAllListeners();
  owner.socket.close();
  await new Promise((r) => setTimeout(r, 200));
  const grown = heap() - before;
  rows.push({ scenario: name, accepted, refusedWith, heap: grown, perByte: accepted ? grown / accepted : 0 });
}
await srv.close();

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
process.stdout.write(`\nscenario  accepted     refused with  server heap  heap per accepted byte\n`);
for (const r of rows)
  process.stdout.write(
    `${r.scenario.padEnd(9)} ${mb(r.accepted).padEnd(12)} ${r.refusedWith.padEnd(13)} ${mb(r.heap).padEnd(12)} ${r.perByte.toFixed(1)}\n`,
  );
process.stdout.write(JSON.stringify({ budget: BUDGET, rows }) + '\n');
process.exit(0);
