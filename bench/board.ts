/**
 * Board bench: the decisional balance over real Socket.IO sockets to the real server in this process
 * (embedded SQLite store, media off).
 *
 *  1. Edit-to-peer latency: 12 people edit one shared balance at once (the owner and 3 facilitators add
 *     items, 8 members add suggestions), each about twice a second. Every edit carries its send time; each
 *     of the 11 other peers notes when its copy shows it (after the server checked, stored and relayed it).
 *  2. Late joiner: a full balance (BOARD_LIMITS.itemsPerBalance items); a new peer opens it (sync step 1 ->
 *     step 2) and reads the model.
 *     Warm (the balance in the server's memory) and cold (the server just restarted: loaded from SQLite).
 *
 * Prints a table, writes bench/board-results.json and prints the same JSON last (bench/run.ts reads it).
 * Run: npx tsx bench/board.ts      Tunables: BOARD_BENCH_SECONDS (15), BOARD_BENCH_ITEMS (the cap).
 * The clients share this process (and its 2 cores, on the project's machines) with the server.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as B from '@circle/shared';
import { pino } from 'pino';
import * as Y from 'yjs';
import { loadConfig } from '../server/src/config.js';
import { startServer, type RunningServer } from '../server/src/server.js';
import { BENCH_ENV } from './limits.js';
import { BoardPeer } from '../server/test/support/board.js';
import { createGroup, joinAs, ok, type Joined } from '../server/test/support/client.js';
import { bigBoardEdits, buildBoard, ITEMS, lateJoin, sender, sleep } from './board-scenarios.js';

const SECONDS = Number(process.env.BOARD_BENCH_SECONDS ?? 15);
const EDITORS = 12;
const RATE = 2;
const progress = (msg: string) => process.stderr.write(`[board] ${msg}\n`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

const dataDir = mkdtempSync(join(tmpdir(), 'circle-board-bench-'));
const config = {
  ...loadConfig(BENCH_ENV),
  port: 0,
  host: '127.0.0.1',
  dataDir,
  rateLimitPerSec: 10_000,
  media: false,
};
const start = () => startServer(config, pino({ level: 'silent' }));

async function editLatency(srv: RunningServer) {
  const g = await createGroup(srv.port);
  const owner = await joinAs(srv.port, g.links.member, 'Owner');
  const facilitators = await Promise.all(
    [1, 2, 3].map((i) => joinAs(srv.port, g.links.facilitator, `F${i}`)),
  );
  const members = await Promise.all(
    [...Array(EDITORS - 4).keys()].map((i) => joinAs(srv.port, g.links.member, `M${i}`)),
  );
  const people: Joined[] = [owner, ...facilitators, ...members];
  const { id } = await ok(owner.socket, 'board:create', { title: 'Bench' });
  await ok(owner.socket, 'board:share', { id, shared: true });
  const peers = people.map((p) => new BoardPeer(p.socket, id));
  for (const p of peers) await p.open();

  const samples: number[] = [];
  const seen = new Map<string, number>();
  peers.forEach((peer, me) => {
    const note = (text: unknown) => {
      const m = typeof text === 'string' ? /^e(\d+)-(\d+)@([\d.]+)$/.exec(text) : null;
      if (!m || Number(m[1]) === me) return;
      samples.push(performance.now() - Number(m[3]));
      seen.set(`${m[1]}-${m[2]}`, (seen.get(`${m[1]}-${m[2]}`) ?? 0) + 1);
    };
    const r = B.roots(peer.doc);
    // A new item's fields are set in the transaction that adds it, so the map's own event sees the text.
    r.items.observe((e) => {
      for (const k of e.keysChanged) note((r.items.get(k) as Y.Map<unknown>)?.get('text'));
    });
    r.suggestions.observe((e) => {
      for (const k of e.keysChanged) note((r.suggestions.get(k) as { text?: string } | undefined)?.text);
    });
  });

  const flushers = peers.map(sender);
  let sent = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    peers.map(async (peer, i) => {
      await sleep(Math.random() * (1000 / RATE));
      for (let n = 0; performance.now() < until; n++) {
        const text = `e${i}-${n}@${performance.now()}`;
        if (i < 4) B.addItem(peer.doc, B.QUADRANTS[n % 4]!, text, 1 + (n % 5));
        else {
          // Stay under the per-person cap on open proposals, as the UI does: withdraw the oldest first.
          const mine = B.readModel(peer.doc).suggestions.filter((x) => x.by === people[i]!.pid);
          peer.doc.transact(() => {
            if (mine.length >= B.BOARD_LIMITS.openSuggestionsPerPerson)
              B.dismissSuggestion(peer.doc, mine[0]!.id);
            B.suggest(
              peer.doc,
              { quadrant: B.QUADRANTS[n % 4]!, text, importance: 3 },
              people[i]!.pid,
              Date.now(),
            );
          });
        }
        sent++;
        void flushers[i]!();
        await sleep(1000 / RATE);
      }
    }),
  );
  await sleep(1500);
  const delivered = [...seen.values()].reduce((a, b) => a + b, 0);
  for (const p of people) p.socket.close();
  return { sent, expected: sent * (EDITORS - 1), delivered, samples };
}

let srv = await start();
progress(`edit latency: ${EDITORS} editors x ${RATE}/s for ${SECONDS}s`);
const lat = await editLatency(srv);
progress(`building a ${ITEMS}-item board`);
const built = await buildBoard(srv);
const link = built.g.links.facilitator;
const warm: Awaited<ReturnType<typeof lateJoin>>[] = [];
for (let i = 0; i < 5; i++) warm.push(await lateJoin(srv.port, link, undefined, built.id));
progress('edits on the big board');
const big = await bigBoardEdits(srv.port, built);
built.owner.socket.close();
const cold: Awaited<ReturnType<typeof lateJoin>>[] = [];
for (let i = 0; i < 3; i++) {
  // A restart empties memory: the first open loads the balance from SQLite (log + compacted state).
  await srv.close();
  srv = await start();
  const owner = await joinAs(srv.port, built.g.links.member, 'Owner', built.owner.identity);
  cold.push(await lateJoin(srv.port, link, undefined, built.id));
  owner.socket.close();
}
await srv.close();

const median = (xs: number[]) => pct(xs, 50);
const figures = [
  {
    id: 'editToPeer.p50',
    figure: `board edit-to-peer latency p50, ${EDITORS} editors`,
    value: round(pct(lat.samples, 50)),
    unit: 'ms',
  },
  {
    id: 'editToPeer.p99',
    figure: `board edit-to-peer latency p99, ${EDITORS} editors`,
    value: round(pct(lat.samples, 99)),
    unit: 'ms',
  },
  {
    id: 'editToPeer.max',
    figure: 'board edit-to-peer latency max',
    value: round(Math.max(...lat.samples)),
    unit: 'ms',
  },
  {
    id: 'editToPeer.lost',
    figure: 'board edits not seen by a peer',
    value: lat.expected - lat.delivered,
    unit: 'deliveries',
  },
  {
    id: 'bigBoardEdit.p50',
    figure: `edit-to-peer latency p50 on the ${ITEMS}-item board`,
    value: round(pct(big, 50)),
    unit: 'ms',
  },
  {
    id: 'bigBoardEdit.p99',
    figure: `edit-to-peer latency p99 on the ${ITEMS}-item board`,
    value: round(pct(big, 99)),
    unit: 'ms',
  },
  {
    id: 'lateJoinSync',
    figure: `late joiner's sync time, ${ITEMS}-item board (warm, median of 5)`,
    value: round(median(warm.map((w) => w.ms))),
    unit: 'ms',
    target: '<= 500 ms',
    met: median(warm.map((w) => w.ms)) <= 500,
  },
  {
    id: 'lateJoinSync.cold',
    figure: `late joiner's sync time, ${ITEMS}-item board, just after a restart (median of 3)`,
    value: round(median(cold.map((w) => w.ms))),
    unit: 'ms',
  },
  {
    id: 'lateJoinSync.bytes',
    figure: 'sync step 2 size for that board',
    value: warm[0]!.bytes,
    unit: 'bytes',
  },
];
const result = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  edits: { sent: lat.sent, deliveries: lat.delivered, expected: lat.expected, samples: lat.samples.length },
  lateJoin: { warm, cold },
  figures,
};
const width = Math.max(...figures.map((f) => f.figure.length));
process.stdout.write(`\n${'figure'.padEnd(width)}  value\n${'-'.repeat(width + 16)}\n`);
for (const f of figures) process.stdout.write(`${f.figure.padEnd(width)}  ${f.value} ${f.unit}\n`);
process.stdout.write(
  `(${result.machine.cpus} cores: ${result.machine.model}; clients and server share them)\n\n`,
);
writeFileSync(new URL('./board-results.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
