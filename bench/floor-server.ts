/**
 * One server of the floor bench in its own process, so its CPU and memory are its own (the load generator
 * and the other server run in other processes): `circle` is the real server (media off, embedded SQLite,
 * in-memory adapter), `bare` is a bare Socket.IO server with the same options that, on each command,
 * broadcasts what the plan says (messages of the sizes and counts Circle's clients were measured to
 * receive per floor change) to the same rooms. Both answer the parent over IPC (see ServerRequest).
 *
 * Run by bench/floor.ts (bench/floor-driver.ts), built as the server is for `npm start` (esbuild, not tsx:
 * see scripts/build-server.ts): node --expose-gc --enable-source-maps bench/dist/floor-server.js circle|bare
 * (source maps: the profile names our TypeScript lines).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { LIMITS } from '@circle/shared';
import { loadConfig } from '../server/src/config.js';
import { startServer } from '../server/src/server.js';
import type { Mode, Role } from './floor-clients.js';
import { mapToSources, type CpuProfile } from './cpuprofile-top.js';
import { heapKinds } from './heap-kinds.js';
import { BENCH_ENV } from './limits.js';

/** One kind of message the bare server sends per change, to the sockets of the given roles. */
export interface PlanItem {
  event: string;
  roles: Role[];
  /** Messages per change per recipient (may be fractional: sent when the running sum reaches 1). */
  perChange: number;
  /** Payloads to send in turn (the argument lists Circle's clients received); `seq` and `at` are refreshed. */
  samples: unknown[][];
}
export type ServerRequest =
  /** CPU used so far, and the event-loop delay since the last ask (which starts it over). */
  | { type: 'cpu' }
  | { type: 'memory' }
  /** The heap by kind (bench/heap-kinds.ts): a full snapshot, seconds of work. */
  | { type: 'heapKinds' }
  | { type: 'plan'; plan: PlanItem[] }
  /** Circle only: the stored room records, by their size in bytes (what each floor change writes). */
  | { type: 'recordBytes' }
  | { type: 'profile'; action: 'start' }
  | { type: 'profile'; action: 'stop'; file: string }
  /** Heap samples over a window (see `heapSamples`); `file`: where to keep the whole sample profile too. */
  | { type: 'heapSamples'; action: 'start' }
  | { type: 'heapSamples'; action: 'stop'; file?: string }
  | { type: 'close' };
export interface Memory {
  heapUsed: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

const mode = process.argv[2] as Mode;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Heap and RSS after full collections (the process runs with --expose-gc). */
async function memory(): Promise<Memory> {
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(200);
  }
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
  return { heapUsed, rss, external, arrayBuffers };
}

async function bareServer() {
  const http = createServer();
  // The options Circle's server gives Socket.IO, and nothing else.
  const io = new Server(http, { maxHttpBufferSize: LIMITS.maxPayloadBytes, serveClient: false });
  let plan: PlanItem[] = [];
  /** Per room: the running sum of each plan item, its turn in the samples, its seq. */
  const state = new Map<number, { due: number[]; turn: number[]; seq: number }>();
  io.on('connection', (socket) => {
    socket.on('join', (room: number, role: Role, ack: (a: unknown) => void) => {
      void socket.join([`all:${room}`, `${role}:${room}`]);
      ack({ ok: true, data: null });
    });
    socket.on('cmd', (room: number, ack: (a: unknown) => void) => {
      let s = state.get(room);
      if (!s) state.set(room, (s = { due: plan.map(() => 0), turn: plan.map(() => 0), seq: 0 }));
      s.seq++;
      for (const [i, item] of plan.entries()) {
        s.due[i]! += item.perChange;
        for (; s.due[i]! >= 1; s.due[i]!--) {
          const args = item.samples[s.turn[i]!++ % item.samples.length]!;
          const first = args[0];
          const fresh =
            first && typeof first === 'object' && !Array.isArray(first)
              ? [
                  {
                    ...first,
                    ...('seq' in first ? { seq: s.seq } : {}),
                    ...('at' in first ? { at: Date.now() } : {}),
                  },
                  ...args.slice(1),
                ]
              : args;
          const to =
            item.roles.length === 3 ? io.to(`all:${room}`) : io.to(item.roles.map((r) => `${r}:${room}`));
          to.emit(item.event, ...fresh);
        }
      }
      ack({ ok: true, data: null });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    port: (http.address() as AddressInfo).port,
    setPlan(p: PlanItem[]) {
      plan = p;
      state.clear();
    },
    close: () => io.close(),
  };
}

let port: number;
let setPlan: (p: PlanItem[]) => void = () => {};
let recordBytes: () => Promise<number[]> = async () => [];
let close: () => Promise<void>;
if (mode === 'circle') {
  const dataDir = mkdtempSync(join(tmpdir(), 'circle-bench-'));
  const server = await startServer(
    { ...loadConfig(BENCH_ENV), port: 0, host: '127.0.0.1', dataDir, media: false },
    pino({ level: 'silent' }),
  );
  port = server.port;
  recordBytes = async () => {
    const keys = (await server.store.keys('')).filter((k) => k.endsWith(':room'));
    return Promise.all(keys.map(async (k) => JSON.stringify(await server.store.get(k)).length));
  };
  close = async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
} else {
  const bare = await bareServer();
  port = bare.port;
  setPlan = (p) => bare.setPlan(p);
  close = () => bare.close();
}

/**
 * Linux only (null elsewhere): the CPU of the main thread alone (the rest is V8's compiler and GC helpers
 * and libuv's pool), in clock ticks of 10 ms, and the write system calls made so far (socket writes and the
 * store's journal alike). They tell user-space work on the event loop apart from work in the kernel.
 */
function threadAndWrites(): { mainThreadSeconds: number | null; writeCalls: number | null } {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const io = readFileSync('/proc/self/io', 'utf8');
    return {
      mainThreadSeconds: (Number(fields[11]) + Number(fields[12])) / 100,
      writeCalls: Number(/^syscw: (\d+)$/m.exec(io)?.[1] ?? NaN),
    };
  } catch {
    return { mainThreadSeconds: null, writeCalls: null };
  }
}

/**
 * What a server allocates over a window, from V8's sampling heap profiler: every allocation, collected or not
 * (what each floor change costs the allocator and the young generation). `own`: allocated by the code in this
 * bundle (Circle's server, or the bare server's handler), not by Socket.IO, ws, engine.io or Node. Sampled
 * every 512 bytes: a few per cent of noise, not of the machine's.
 *
 * Not measured: what outlives the young generation. The sampler cannot tell it apart: it counts young
 * garbage freed by a full collection in the window as not freed by a scavenge.
 */
export interface HeapSampleTotals {
  bytes: number;
  ownBytes: number;
}
interface SampleNode {
  callFrame: { url: string };
  selfSize: number;
  children?: SampleNode[];
}
let heapSampling: Session | null = null;

async function heapSamples(
  req: Extract<ServerRequest, { type: 'heapSamples' }>,
): Promise<HeapSampleTotals | null> {
  if (req.action === 'start') {
    const session = new Session();
    session.connect();
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
    heapSampling = session;
    return null;
  }
  const session = heapSampling!;
  heapSampling = null;
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SampleNode } };
  session.disconnect();
  if (req.file) writeFileSync(req.file, JSON.stringify(profile));
  const own = import.meta.url;
  const totals: HeapSampleTotals = { bytes: 0, ownBytes: 0 };
  const walk = (n: SampleNode) => {
    totals.bytes += n.selfSize;
    if (n.callFrame.url === own) totals.ownBytes += n.selfSize;
    for (const c of n.children ?? []) walk(c);
  };
  walk(profile.head);
  return totals;
}

let profiler: Session | null = null;
// What delays a fan-out besides the network: the server's event loop busy with something else.
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
process.on('message', (raw) => {
  const req = raw as ServerRequest;
  void (async () => {
    switch (req.type) {
      case 'cpu': {
        const delay = { p99: ms(loop.percentile(99)), max: ms(loop.max) };
        loop.reset();
        return { cpu: process.cpuUsage(), loopDelayMs: delay, ...threadAndWrites() };
      }
      case 'memory':
        return memory();
      case 'heapKinds':
        return heapKinds();
      case 'plan':
        return setPlan(req.plan);
      case 'recordBytes':
        return recordBytes();
      case 'profile':
        if (req.action === 'start') {
          profiler = new Session();
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
          return profiler.post('Profiler.start');
        } else {
          const { profile } = await profiler!.post('Profiler.stop');
          writeFileSync(req.file, JSON.stringify(mapToSources(profile as CpuProfile)));
          profiler!.disconnect();
          return null;
        }
      case 'heapSamples':
        return heapSamples(req);
      case 'close':
        await close();
        setImmediate(() => process.exit(0));
        return null;
    }
  })().then(
    (reply) => process.send!({ ok: true, reply: reply ?? null }),
    (err: unknown) => process.send!({ ok: false, error: String(err) }),
  );
});
process.send!({ ok: true, reply: { port } });
