/**
 * Floor bench across two nodes: the same floor traffic as bench/floor.ts (rooms x 17 sockets, a hand
 * raised, the word given, a turn finished), with two server processes sharing one redis-server and the
 * people of every room spread over both nodes, so half of each room's commands are forwarded to the node
 * that owns the room and every snapshot crosses Redis to reach the other half.
 * Measures latency (command sent -> each event received, on the client process's clock) and lost events
 * (by seq, per socket), as bench/floor-clients.ts counts them.
 *
 * Run: node --import tsx bench/floor-cluster.ts [--out file.json]   (bench/run.ts runs it)
 * Tunables: BENCH_CLUSTER_ROOMS (250), BENCH_FLOOR_RATE (1), BENCH_SECONDS (20).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { freePort } from '../server/test/support/ports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateGroupResult } from '@circle/shared';
import type { Role, RunStats } from './floor-clients.js';
import { startClients } from './floor-driver.js';
import { BENCH_ENV } from './limits.js';
import { SERVER_START_ARGS } from '../server/src/nodeFlags.js';
import { buildServer } from '../scripts/build-server.js';

// The servers measured run the build, as `npm start` does: made from the code as it is now.
await buildServer();

const ROOMS = Number(process.env.BENCH_CLUSTER_ROOMS ?? 250);
const RATE = Number(process.env.BENCH_FLOOR_RATE ?? 1);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
const progress = (msg: string) => process.stderr.write(`[cluster] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const root = new URL('..', import.meta.url).pathname;

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not come up`);
}

const children: ChildProcess[] = [];
const redisPort = await freePort();
children.push(
  spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  ),
);
const redisUrl = `redis://127.0.0.1:${redisPort}`;
await sleep(300);

const ports: number[] = [];
for (let i = 0; i < 2; i++) {
  const port = await freePort();
  children.push(
    spawn(process.execPath, SERVER_START_ARGS, {
      cwd: join(root, 'server'),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        REDIS_URL: redisUrl,
        // Every node signs and verifies links with the same key (required with Redis).
        CIRCLE_SECRET: 'bench-secret-shared-by-both-nodes-0123456789',
        CIRCLE_MEDIA: 'off',
        LOG_LEVEL: 'warn',
        CIRCLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'circle-cl-')),
        ...BENCH_ENV,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  await until(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, `node ${i + 1}`);
  ports.push(port);
}

const { clients, ask } = startClients();

const links: Record<Role, string>[] = [];
for (let i = 0; i < ROOMS; i++) {
  const res = await fetch(`http://127.0.0.1:${ports[0]}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Bench circle ${i}`, capacity: 12 }),
  });
  links.push(((await res.json()) as CreateGroupResult).links);
}
progress(`joining ${ROOMS} rooms x 17 sockets over two nodes`);
await ask({ type: 'join', mode: 'circle', port: ports[0]!, ports, rooms: links });
progress('warming up, then measuring');
await ask({ type: 'run', mode: 'circle', warmupMs: 3_000, measureMs: MEASURE_MS, perRoomPerSec: RATE });
const stats = await ask<RunStats>({ type: 'stats', mode: 'circle' });
await ask({ type: 'close', mode: 'circle' });
clients.kill();
for (const c of children.reverse()) c.kill('SIGTERM');

const result = {
  rooms: ROOMS,
  nodes: 2,
  p50Ms: stats.latencyMs.p50,
  p99Ms: stats.latencyMs.p99,
  p999Ms: stats.latencyMs.p999,
  maxMs: stats.latencyMs.max,
  deliveries: stats.deliveries,
  lost: stats.lost,
};
console.table([result]);
console.log('(2-core shared machine: both nodes, Redis and the 4,250 client sockets share the same cores)');
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
process.exit(0);
