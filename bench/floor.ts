/**
 * Floor bench: floor events (raise a hand, give the word, finish) in 250 rooms x 17 sockets on ONE node
 * (the real server in this process, media off, embedded SQLite store), with real socket.io-client sockets in
 * a child process (bench/floor-clients.ts). Measures the server's fan-out latency — from the commit
 * timestamp in each snapshot (view.at) to its arrival at each socket, on the same machine clock — and lost
 * events (every change must reach all 17 sockets of its room, counted by seq). In the same run, a bare
 * Socket.IO server does the same thing with none of Circle's work (no validation, floor rules or store):
 * on each command it broadcasts a snapshot of the same size to the room and the lobby list to the
 * facilitators, at the same rate, to the same 250 x 17 sockets. Also measures memory per active and idle room.
 *
 * Run: node --expose-gc --import tsx bench/floor.ts [--out file.json]   (bench/run.ts runs it)
 * Tunables: BENCH_ROOMS (250), BENCH_FLOOR_RATE (changes per room per second, 1), BENCH_SECONDS (20).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import { Server } from 'socket.io';
import type { CreateGroupResult } from '@circle/shared';
import { LIMITS } from '@circle/shared';
import { loadConfig } from '../server/src/config.js';
import { startServer } from '../server/src/server.js';
import type { Mode, Role, RunStats } from './floor-clients.js';
import { SEATING } from './floor-clients.js';
import { startClients } from './floor-driver.js';
import { BENCH_ENV, BENCH_METRICS_TOKEN } from './limits.js';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 250);
const RATE = Number(process.env.BENCH_FLOOR_RATE ?? 1);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;
const WARMUP_MS = 3_000;
/** The measured time is split into this many windows per server, alternating Circle and bare. */
const ROUNDS = 8;
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (msg: string) => process.stderr.write(`[floor] ${msg}\n`);

// ---- the client process ----
const { clients, ask } = startClients();

/** Heap and RSS after full collections (run with --expose-gc; without it, figures are rougher). */
async function memory() {
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(200);
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, external: m.external };
}

/** CPU time of this (the server's) process over `fn`, as a share of one core. */
async function cpuShare<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await fn();
  const c = process.cpuUsage(c0);
  return [r, Math.round(((c.user + c.system) / 1000 / (performance.now() - t0)) * 100) / 100];
}

// ---- Circle ----
const dataDir = mkdtempSync(join(tmpdir(), 'circle-bench-'));
const server = await startServer(
  {
    ...loadConfig(BENCH_ENV),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    media: false,
  },
  pino({ level: 'silent' }),
);
const base = `http://127.0.0.1:${server.port}`;
const links: Record<Role, string>[] = [];
for (let i = 0; i < ROOMS; i++) {
  const res = await fetch(`${base}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Bench circle ${i}`, capacity: 12, lobby: false }),
  });
  if (res.status !== 201) throw new Error(`create group: ${res.status}`);
  links.push(((await res.json()) as CreateGroupResult).links);
}
const memBase = await memory();

progress(`joining ${ROOMS} rooms x ${SEATING.length} sockets`);
const t0 = performance.now();
await ask({ type: 'join', mode: 'circle', port: server.port, rooms: links });
const joinSecs = (performance.now() - t0) / 1000;
progress(`joined in ${joinSecs.toFixed(1)} s; warming up`);
await ask({ type: 'run', mode: 'circle', warmupMs: WARMUP_MS, measureMs: 0, perRoomPerSec: RATE });
// Active rooms: everyone connected, the word going round (bare Socket.IO is not started yet).
const memActive = await memory();

// ---- bare Socket.IO, same shape and rate, on its own port in this same process ----
const sample = (await ask<RunStats>({ type: 'stats', mode: 'circle' })).sample;
if (!sample) throw new Error('no snapshot of a full room was seen');
const http = createServer();
const bare = new Server(http, { maxHttpBufferSize: LIMITS.maxPayloadBytes, serveClient: false });
const seqs = new Map<number, number>();
bare.on('connection', (socket) => {
  socket.on('join', (room: number, role: Role, ack: (a: unknown) => void) => {
    void socket.join(role === 'facilitator' ? [`r:${room}`, `f:${room}`] : [`r:${room}`]);
    ack({ ok: true, data: null });
  });
  socket.on('cmd', (room: number, ack: (a: unknown) => void) => {
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    bare.to(`r:${room}`).emit('room:state', { ...sample, groupId: String(room), seq, at: Date.now() });
    bare.to(`f:${room}`).emit('room:lobby', []);
    ack({ ok: true, data: null });
  });
});
await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
progress('bare Socket.IO: joining');
await ask({ type: 'join', mode: 'bare', port: (http.address() as AddressInfo).port, rooms: links });
await ask({ type: 'run', mode: 'bare', warmupMs: WARMUP_MS, measureMs: 0, perRoomPerSec: RATE });

// Alternate short windows so both see the same machine (other processes come and go on a shared box).
const cpu: Record<Mode, number[]> = { circle: [], bare: [] };
// The server's event-loop delay while each one runs: what delays a fan-out besides the network.
const loop: Record<Mode, { p99: number; max: number }> = {
  circle: { p99: 0, max: 0 },
  bare: { p99: 0, max: 0 },
};
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ['circle', 'bare'] as const) {
    progress(`round ${round + 1}/${ROUNDS}: ${mode}`);
    const eld = monitorEventLoopDelay({ resolution: 1 });
    eld.enable();
    const [, share] = await cpuShare(() =>
      ask({ type: 'run', mode, warmupMs: 500, measureMs: MEASURE_MS / ROUNDS, perRoomPerSec: RATE }),
    );
    eld.disable();
    // The worst window's p99 and max, in ms.
    loop[mode].p99 = Math.max(loop[mode].p99, Math.round(eld.percentile(99) / 1e4) / 100);
    loop[mode].max = Math.max(loop[mode].max, Math.round(eld.max / 1e4) / 100);
    cpu[mode].push(share);
  }
}
const circle = await ask<RunStats>({ type: 'stats', mode: 'circle' });
const bareStats = await ask<RunStats>({ type: 'stats', mode: 'bare' });
await ask({ type: 'close', mode: 'bare' });
await bare.close();

await ask({ type: 'close', mode: 'circle' });
// Everyone dropped: rooms stay loaded while their people keep their places (the 2-minute reconnect window).
const drained = performance.now();
while ((await connections()) > 0 && performance.now() - drained < 30_000) await sleep(200);
await sleep(2_000);
const memIdle = await memory();
await server.close();
rmSync(dataDir, { recursive: true, force: true });
clients.disconnect();
clients.kill();
const circleCpu = Math.round((cpu.circle.reduce((a, b) => a + b, 0) / ROUNDS) * 100) / 100;
const bareCpu = Math.round((cpu.bare.reduce((a, b) => a + b, 0) / ROUNDS) * 100) / 100;

async function connections() {
  const headers = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  return Number(/^circle_connections (\d+)/m.exec(text)?.[1] ?? 0);
}

const perRoom = (a: number, b: number) => Math.round((a - b) / ROOMS / 1024);
const strip = ({ sample: _s, ...rest }: RunStats) => rest;
const result = {
  rooms: ROOMS,
  socketsPerRoom: SEATING.length,
  changesPerRoomPerSec: RATE,
  measureSeconds: MEASURE_MS / 1000,
  joinSeconds: Math.round(joinSecs * 10) / 10,
  circle: { ...strip(circle), serverCpuShare: circleCpu, serverEventLoopDelayMs: loop.circle },
  bare: { ...strip(bareStats), serverCpuShare: bareCpu, serverEventLoopDelayMs: loop.bare },
  p99Ratio: Math.round((circle.latencyMs.p99 / bareStats.latencyMs.p99) * 100) / 100,
  memory: {
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    baseline: memBase,
    active: memActive,
    idle: memIdle,
    perActiveRoomKiB: {
      heap: perRoom(memActive.heapUsed, memBase.heapUsed),
      rss: perRoom(memActive.rss, memBase.rss),
    },
    perIdleRoomKiB: {
      heap: perRoom(memIdle.heapUsed, memBase.heapUsed),
      rss: perRoom(memIdle.rss, memBase.rss),
    },
  },
};

const row = (name: string, s: RunStats, cpu: number, h: { p99: number; max: number }) => ({
  name,
  'p50 ms': s.latencyMs.p50,
  'p99 ms': s.latencyMs.p99,
  'p99.9 ms': s.latencyMs.p999,
  'max ms': s.latencyMs.max,
  deliveries: s.deliveries,
  lost: s.lost,
  'server cpu': cpu,
  'server loop delay p99/max ms': `${h.p99}/${h.max}`,
});
console.table([
  row('Circle floor', circle, circleCpu, loop.circle),
  row('bare Socket.IO', bareStats, bareCpu, loop.bare),
]);
console.log(
  `p99 ratio ${result.p99Ratio} (target <= 2); memory per active room ${result.memory.perActiveRoomKiB.heap} KiB heap, ` +
    `per idle room ${result.memory.perIdleRoomKiB.heap} KiB heap; snapshot ${circle.sampleBytes} B; commands ${JSON.stringify(circle.commands)}`,
);
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
process.exit(0);
