/**
 * Floor bench, decision grade: Circle's floor beside a bare Socket.IO server sending the same messages, at
 * several sizes (100, 250, 500 rooms x 17 sockets) on ONE node (in-memory adapter, WebSocket only).
 *
 * Three processes besides this one: the Circle server, the bare server (bench/floor-server.ts) and the
 * clients (bench/floor-clients.ts). A first Circle run measures what its clients receive per floor change
 * (every event, its count per recipient and serialized size, whatever the wire format is); the bare server
 * then broadcasts messages of the same sizes and counts to the same rooms on each command. Windows
 * alternate Circle, bare, Circle, bare... (the machine is shared: what changes over time hits both), and
 * each window reports the server process's CPU-seconds per delivered message, latency (command sent ->
 * event received) and lost events. Per size: the median ratio Circle/bare and its spread over the pairs.
 * Memory per idle room (17 connected, no traffic) and per active room (after the word went round), both
 * beside the bare server's; and per room kept after its people dropped (Circle only).
 * Then one profiled window of each (bench/cpuprofile-top.ts) -> bench/profile-floor.txt, and one window of
 * each with V8's sampling heap profiler: bytes allocated per floor change (stable from run to run where CPU
 * time is not; see floor-server.ts `heapSamples`).
 *
 * Heap snapshots of both servers at the first size (empty, idle, active) say what Circle's extra memory is.
 *
 * Run: node --import tsx bench/floor.ts [--out file.json] [--no-profile] [--no-heap]   (npm run bench runs it)
 * Tunables: BENCH_FLOOR_SIZES (100,250,500), BENCH_FLOOR_ROUNDS (5 pairs), BENCH_FLOOR_WINDOW (6 s),
 * BENCH_FLOOR_RATE (changes per room per second, 1), BENCH_FLOOR_PROFILE_AT (rooms; the middle size).
 * Diagnostics: BENCH_CIRCLE_FLAGS / BENCH_BARE_FLAGS (extra Node flags for one server, e.g. --trace-gc-nvp),
 * BENCH_FLOOR_HEAP_SAMPLES=<prefix> (keeps the heap sample profiles as <prefix>-<server>.json).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateGroupResult } from '@circle/shared';
import { formatSummary, summarize } from './cpuprofile-top.js';
import type { Mode, Role, Samples, WindowStats } from './floor-clients.js';
import { ROLES, SEATING } from './floor-clients.js';
import { startClients, startFloorServer } from './floor-driver.js';
import type { HeapSampleTotals, Memory, PlanItem } from './floor-server.js';
import { perRoomGrowth, type HeapKinds } from './heap-kinds.js';
import { BENCH_METRICS_TOKEN } from './limits.js';
import { spread, type Spread } from './spread.js';
import { openSqliteStore } from '../server/src/store/sqlite.js';

const SIZES = (process.env.BENCH_FLOOR_SIZES ?? '100,250,500').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_FLOOR_ROUNDS ?? 5);
const WINDOW_MS = Number(process.env.BENCH_FLOOR_WINDOW ?? 6) * 1000;
const RATE = Number(process.env.BENCH_FLOOR_RATE ?? 1);
const PROFILE_AT = Number(process.env.BENCH_FLOOR_PROFILE_AT ?? SIZES[Math.floor(SIZES.length / 2)]);
const PROFILE = !process.argv.includes('--no-profile');
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
const here = (f: string) => new URL(f, import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (msg: string) => process.stderr.write(`[floor] ${msg}\n`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const servers = { circle: await startFloorServer('circle'), bare: await startFloorServer('bare') };
const { clients, ask } = startClients();
const base = `http://127.0.0.1:${servers.circle.port}`;

const links: Record<Role, string>[] = [];
for (let i = 0; i < Math.max(...SIZES); i++) {
  const res = await fetch(`${base}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Bench circle ${i}`, capacity: 12, lobby: false }),
  });
  if (res.status !== 201) throw new Error(`create group: ${res.status}`);
  links.push(((await res.json()) as CreateGroupResult).links);
}
const memoryOf = async () => ({
  circle: await servers.circle.ask<Memory>({ type: 'memory' }),
  bare: await servers.bare.ask<Memory>({ type: 'memory' }),
});
const memBase = await memoryOf();
/** Heap by kind of both servers (a full snapshot each: only at the first size, and not with --no-heap). */
const HEAP = !process.argv.includes('--no-heap');
const kindsOf = async () => ({
  circle: await servers.circle.ask<HeapKinds>({ type: 'heapKinds' }),
  bare: await servers.bare.ask<HeapKinds>({ type: 'heapKinds' }),
});
const kindsBase = HEAP ? await kindsOf() : null;
let kindsIdle: typeof kindsBase = null;
let kindsActive: typeof kindsBase = null;

/** CPU-seconds of a server process so far, and its event-loop delay since the last call. */
const cpuOf = async (mode: Mode) => {
  const { cpu, ...rest } = await servers[mode].ask<{
    cpu: NodeJS.CpuUsage;
    loopDelayMs: { p99: number; max: number };
    mainThreadSeconds: number | null;
    writeCalls: number | null;
  }>({ type: 'cpu' });
  return { seconds: (cpu.user + cpu.system) / 1e6, user: cpu.user, system: cpu.system, ...rest };
};

/**
 * What the bare server must send per change, from what Circle's clients received: for each event, the
 * roles that get it and how many per change per recipient (roles getting it at the same rate share one
 * broadcast, as Circle's room channel does), with the payloads as received.
 */
function planFrom(w: WindowStats, samples: Samples): PlanItem[] {
  const plan: PlanItem[] = [];
  for (const [event, perRole] of Object.entries(w.events)) {
    const rates = ROLES.map((role) => ({
      role,
      rate: (perRole[role]?.deliveries ?? 0) / (w.changes * SEATING.filter((r) => r === role).length),
    })).filter((r) => r.rate >= 0.02);
    if (!rates.length) continue;
    const mean = rates.reduce((a, r) => a + r.rate, 0) / rates.length;
    const groups = rates.every((r) => Math.abs(r.rate - mean) <= 0.1 * mean)
      ? [{ roles: rates.map((r) => r.role), rate: mean }]
      : rates.map((r) => ({ roles: [r.role], rate: r.rate }));
    for (const g of groups) {
      const kept = samples[event] ?? {};
      const payloads = kept[g.roles[0]!] ?? Object.values(kept).find((s) => s?.length);
      if (!payloads?.length) throw new Error(`no payload of ${event} was sampled`);
      plan.push({ event, roles: g.roles, perChange: g.rate, samples: payloads });
    }
  }
  return plan;
}

interface Window {
  mode: Mode;
  rooms: number;
  round: number;
  cpuSeconds: number;
  cpuShare: number;
  /** Server CPU microseconds per delivered message. */
  usPerDelivery: number;
  /**
   * Where the server's CPU per change goes: user space and kernel (microseconds), the share of it on the
   * main thread, and write system calls (null off Linux). Circle's extra cost is user space on the event
   * loop, or it is system calls: these say which.
   */
  perChange: { userUs: number; systemUs: number; mainThreadShare: number | null; writeCalls: number | null };
  deliveries: number;
  changes: number;
  bytesPerDelivery: number;
  deliveriesPerChangePerSocket: number;
  lost: number | null;
  p50: number;
  p99: number;
  p999: number;
  loopDelayMs: { p99: number; max: number };
  clientCpuShare: number;
  /** The machine's 1-minute load average at the end of the window (2 cores: above 2, processes wait). */
  loadavg: number;
  /**
   * The window did not run as scheduled: fewer than 95% of the changes went through, or half the
   * deliveries took over 50 ms. The server or the load generator could not keep up (a shared machine
   * under other load): its figures say how the machine was, not how the server is.
   */
  saturated: boolean;
}
/** One window of floor steps in the first `rooms` rooms of `mode`, at the bench's rate. */
const runWindow = (mode: Mode, rooms: number) =>
  ask<WindowStats>({ type: 'run', mode, warmupMs: 0, measureMs: WINDOW_MS, perRoomPerSec: RATE, rooms });

async function measuredWindow(mode: Mode, rooms: number, roundNo: number): Promise<Window> {
  const cpu0 = await cpuOf(mode);
  const t0 = performance.now();
  const w = await runWindow(mode, rooms);
  const cpu1 = await cpuOf(mode);
  const cpuSeconds = cpu1.seconds - cpu0.seconds;
  const wall = (performance.now() - t0) / 1000;
  const scheduled = rooms * RATE * (WINDOW_MS / 1000);
  return {
    mode,
    rooms,
    round: roundNo,
    cpuSeconds: round(cpuSeconds, 3),
    cpuShare: round(cpuSeconds / wall),
    usPerDelivery: round((cpuSeconds * 1e6) / w.deliveries, 3),
    perChange: {
      userUs: round((cpu1.user - cpu0.user) / w.changes, 1),
      systemUs: round((cpu1.system - cpu0.system) / w.changes, 1),
      mainThreadShare:
        cpu1.mainThreadSeconds === null || cpu0.mainThreadSeconds === null
          ? null
          : round((cpu1.mainThreadSeconds - cpu0.mainThreadSeconds) / cpuSeconds),
      writeCalls:
        cpu1.writeCalls === null || cpu0.writeCalls === null
          ? null
          : round((cpu1.writeCalls - cpu0.writeCalls) / w.changes),
    },
    deliveries: w.deliveries,
    changes: w.changes,
    bytesPerDelivery: Math.round(w.bytes / w.deliveries),
    deliveriesPerChangePerSocket: round(w.deliveries / w.changes / SEATING.length, 3),
    lost: w.lost,
    p50: w.latencyMs.p50,
    p99: w.latencyMs.p99,
    p999: w.latencyMs.p999,
    loopDelayMs: cpu1.loopDelayMs,
    clientCpuShare: w.clientCpuShare,
    loadavg: round(loadavg()[0]!),
    saturated: w.changes < 0.95 * scheduled || w.latencyMs.p50 > 50,
  };
}

async function profiled(mode: Mode, rooms: number, dir: string) {
  const file = join(dir, `floor-${mode}-${rooms}.cpuprofile`);
  await servers[mode].ask({ type: 'profile', action: 'start' });
  await runWindow(mode, rooms);
  await servers[mode].ask({ type: 'profile', action: 'stop', file });
  return { file, summary: summarize(JSON.parse(readFileSync(file, 'utf8')), 25) };
}

/** Bytes allocated per floor change over one window of `mode` (and the sample profile kept if asked). */
async function allocated(mode: Mode, rooms: number) {
  const keep = process.env.BENCH_FLOOR_HEAP_SAMPLES;
  await servers[mode].ask({ type: 'heapSamples', action: 'start' });
  const w = await runWindow(mode, rooms);
  const t = await servers[mode].ask<HeapSampleTotals>({
    type: 'heapSamples',
    action: 'stop',
    ...(keep ? { file: `${keep}-${mode}.json` } : {}),
  });
  return { bytes: Math.round(t.bytes / w.changes), ownBytes: Math.round(t.ownBytes / w.changes) };
}

export interface SizeResult {
  rooms: number;
  /**
   * Windows of each server that did not run as scheduled. When the bare server's do too, the machine was
   * short of CPU (no verdict); when only Circle's do, Circle is what could not keep up.
   */
  saturatedWindows: Record<Mode, number>;
  /** Circle/bare CPU per delivered message, one ratio per adjacent pair of windows. */
  cpuPerDeliveryRatio: Spread;
  circle: Side;
  bare: Side;
  plan: { event: string; roles: Role[]; perChange: number; bytes: number }[];
  windows: Window[];
}
interface Side {
  usPerDelivery: Spread;
  cpuShare: Spread;
  p50: Spread;
  p99: Spread;
  p999: Spread;
  loopDelayP99: Spread;
  /** Medians of the windows' `perChange`. */
  perChange: { userUs: number; systemUs: number; mainThreadShare: number | null; writeCalls: number | null };
  lost: number | null;
  bytesPerDelivery: number;
  deliveriesPerChangePerSocket: number;
}
const side = (ws: Window[]): Side => ({
  usPerDelivery: spread(ws.map((w) => w.usPerDelivery)),
  cpuShare: spread(ws.map((w) => w.cpuShare)),
  p50: spread(ws.map((w) => w.p50)),
  p99: spread(ws.map((w) => w.p99)),
  p999: spread(ws.map((w) => w.p999)),
  loopDelayP99: spread(ws.map((w) => w.loopDelayMs.p99)),
  perChange: {
    userUs: spread(ws.map((w) => w.perChange.userUs)).median,
    systemUs: spread(ws.map((w) => w.perChange.systemUs)).median,
    mainThreadShare: medianOrNull(ws.map((w) => w.perChange.mainThreadShare)),
    writeCalls: medianOrNull(ws.map((w) => w.perChange.writeCalls)),
  },
  lost: ws.some((w) => w.lost !== null) ? ws.reduce((a, w) => a + (w.lost ?? 0), 0) : null,
  bytesPerDelivery: spread(ws.map((w) => w.bytesPerDelivery)).median,
  deliveriesPerChangePerSocket: spread(ws.map((w) => w.deliveriesPerChangePerSocket)).median,
});

const medianOrNull = (xs: (number | null)[]) =>
  xs.every((x) => x !== null) ? spread(xs as number[]).median : null;

const sizes: SizeResult[] = [];
let memIdle: Awaited<ReturnType<typeof memoryOf>> | null = null;
let profile: { circle: string; bare: string; text: string } | null = null;
/** Bytes allocated per floor change at the profiled size. */
let allocation: ({ rooms: number } & Record<Mode, { bytes: number; ownBytes: number }>) | null = null;
const profileDir = mkdtempSync(join(tmpdir(), 'circle-floor-prof-'));
let joined = 0;
for (const rooms of SIZES) {
  progress(`joining rooms ${joined}..${rooms} x ${SEATING.length} sockets, Circle then bare`);
  const t0 = performance.now();
  await ask({
    type: 'join',
    mode: 'circle',
    port: servers.circle.port,
    rooms: links.slice(0, rooms),
    from: joined,
  });
  await ask({
    type: 'join',
    mode: 'bare',
    port: servers.bare.port,
    rooms: links.slice(0, rooms),
    from: joined,
  });
  progress(`joined in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Idle rooms: everyone connected, nothing said yet.
  const firstSize = !memIdle;
  if (firstSize) {
    memIdle = await memoryOf();
    if (HEAP) kindsIdle = await kindsOf();
  }
  joined = rooms;

  progress(`${rooms} rooms: warming up Circle and measuring what its clients receive`);
  const first = await ask<WindowStats>({
    type: 'run',
    mode: 'circle',
    warmupMs: 2_000,
    measureMs: 3_000,
    perRoomPerSec: RATE,
    rooms,
  });
  progress(
    `Circle's commands: ${JSON.stringify(first.commands)}; events: ${Object.keys(first.events).join(', ')}`,
  );
  const plan = planFrom(first, await ask<Samples>({ type: 'samples', mode: 'circle' }));
  await servers.bare.ask({ type: 'plan', plan });
  await ask({ type: 'run', mode: 'bare', warmupMs: 2_000, measureMs: 0, perRoomPerSec: RATE, rooms });

  const windows: Window[] = [];
  for (let r = 1; r <= ROUNDS; r++)
    for (const mode of ['circle', 'bare'] as const) {
      const w = await measuredWindow(mode, rooms, r);
      progress(
        `${rooms} rooms, round ${r}/${ROUNDS} ${mode.padEnd(6)}: ${w.usPerDelivery} us/delivery, ` +
          `${w.cpuShare} core, p50 ${w.p50} ms, p99 ${w.p99} ms, lost ${w.lost}, load ${w.loadavg}` +
          (w.saturated ? ` SATURATED (${w.changes} changes)` : ''),
      );
      windows.push(w);
    }
  if (firstSize && HEAP) kindsActive = await kindsOf();
  const of = (m: Mode) => windows.filter((w) => w.mode === m);
  const ratios = of('circle').map((c, i) => c.usPerDelivery / of('bare')[i]!.usPerDelivery);
  sizes.push({
    rooms,
    saturatedWindows: {
      circle: of('circle').filter((w) => w.saturated).length,
      bare: of('bare').filter((w) => w.saturated).length,
    },
    cpuPerDeliveryRatio: spread(ratios),
    circle: side(of('circle')),
    bare: side(of('bare')),
    plan: plan.map((p) => ({
      event: p.event,
      roles: p.roles,
      perChange: round(p.perChange, 3),
      bytes: Math.round(
        p.samples.reduce((a, s) => a + Buffer.byteLength(JSON.stringify([p.event, ...s])), 0) /
          p.samples.length,
      ),
    })),
    windows,
  });
  if (PROFILE && rooms === PROFILE_AT) {
    progress(`${rooms} rooms: one profiled window of each`);
    const c = await profiled('circle', rooms, profileDir);
    const b = await profiled('bare', rooms, profileDir);
    const text =
      `Floor bench profile, ${rooms} rooms x ${SEATING.length} sockets, ${RATE} change/room/s, ` +
      `${WINDOW_MS / 1000} s window (${new Date().toISOString()})\n\n` +
      formatSummary('Circle server', c.summary) +
      '\n' +
      formatSummary('bare Socket.IO server, same messages', b.summary);
    writeFileSync(here('profile-floor.txt'), text);
    profile = { circle: c.file, bare: b.file, text };
    progress(`${rooms} rooms: one window of each with the heap sampled`);
    allocation = { rooms, circle: await allocated('circle', rooms), bare: await allocated('bare', rooms) };
  }
}
// Active rooms: everyone connected, the word has gone round for a while.
const memActive = await memoryOf();
const recordSizes = (await servers.circle.ask<number[]>({ type: 'recordBytes' })).sort((a, b) => a - b);

await ask({ type: 'close', mode: 'bare' });
await ask({ type: 'close', mode: 'circle' });
// Everyone dropped: rooms stay loaded while their people keep their places (the reconnect window).
const drained = performance.now();
while ((await connections()) > 0 && performance.now() - drained < 30_000) await sleep(200);
await sleep(1_000);
const memDropped = await memoryOf();
for (const s of Object.values(servers)) await s.ask({ type: 'close' }).catch(() => null);
clients.kill();

async function connections() {
  const headers = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };
  const text = await (await fetch(`${base}/metrics`, { headers })).text();
  return Number(/^circle_connections (\d+)/m.exec(text)?.[1] ?? 0);
}

const durableWrite = await durableWriteCost(recordSizes[Math.floor(recordSizes.length / 2)] ?? 0);

/**
 * What the durability every change pays costs by itself: CPU-us per fenced write of a room record of the
 * median size the Circle server holds, into the same SQLite store, one write per turn of the event loop
 * (at one change per room per second, the store's group commit seldom finds two). `usPerWrite` is a floor
 * change as the store keeps it (a journal line of the command, the whole record every 200th time);
 * `usPerWholeWrite` a change of anything else (the record in a SQLite transaction). The bare server writes
 * nothing, so this part of Circle's CPU has no counterpart in the reference; measured here, in this quiet
 * process.
 */
async function durableWriteCost(bytes: number) {
  const record = (seq: number) => ({ seq, body: 'x'.repeat(Math.max(0, bytes - 30)) });
  const give = { now: Date.now(), cmd: { type: 'give' as const, pid: 'p'.repeat(22) } };
  const usPer = async (delta: typeof give | undefined) => {
    const dir = mkdtempSync(join(tmpdir(), 'circle-floor-store-'));
    const store = openSqliteStore(dir);
    const ROOMS = 250;
    for (let r = 0; r < ROOMS; r++) await store.replaceIfSeq(`group:${r}:room`, record(1), 0);
    const writes = 4_000;
    const started = process.cpuUsage();
    for (let i = 0; i < writes; i++) {
      const seq = 2 + Math.floor(i / ROOMS);
      await store.replaceIfSeq(`group:${i % ROOMS}:room`, record(seq), seq - 1, delta);
    }
    const used = process.cpuUsage(started);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    return round((used.user + used.system) / writes, 1);
  };
  return { recordBytes: bytes, usPerWrite: await usPer(give), usPerWholeWrite: await usPer(undefined) };
}

const idleRooms = SIZES[0]!;
const activeRooms = Math.max(...SIZES);
const perRoomKiB = (a: Memory, b: Memory, n: number) => ({
  heap: round((a.heapUsed - b.heapUsed) / n / 1024, 1),
  rss: round((a.rss - b.rss) / n / 1024, 1),
  external: round((a.external - b.external) / n / 1024, 1),
});
/** What Circle's heap holds per room beyond the bare server's, by kind, biggest first. */
function rest(after: typeof kindsBase, rooms: number) {
  if (!kindsBase || !after) return null;
  const c = perRoomGrowth(kindsBase.circle, after.circle, rooms);
  const b = new Map(perRoomGrowth(kindsBase.bare, after.bare, rooms).map((g) => [g.kind, g]));
  const extra = c
    .map((g) => ({
      kind: g.kind,
      kib: round(g.kib - (b.get(g.kind)?.kib ?? 0), 1),
      count: round(g.count - (b.get(g.kind)?.count ?? 0), 1),
    }))
    .filter((g) => g.kib >= 0.5)
    .sort((x, y) => y.kib - x.kib);
  const total = round(
    extra.reduce((a, g) => a + g.kib, 0),
    1,
  );
  const text =
    `Circle's heap per room beyond bare Socket.IO's (${rooms} rooms, from heap snapshots): ~${total} KiB, ` +
    extra
      .slice(0, 8)
      .map(
        (g) =>
          `${g.kind} ${g.kib} KiB (${g.count} per room, ${round(g.count / SEATING.length, 1)} per socket)`,
      )
      .join(', ');
  return { totalKiB: total, top: extra.slice(0, 20), text };
}
const breakdown = { idle: rest(kindsIdle, SIZES[0]!), active: rest(kindsActive, SIZES[0]!) };

const memory = {
  idleRooms,
  breakdown,
  activeRooms,
  perIdleRoomKiB: {
    circle: perRoomKiB(memIdle!.circle, memBase.circle, idleRooms),
    bare: perRoomKiB(memIdle!.bare, memBase.bare, idleRooms),
  },
  perActiveRoomKiB: {
    circle: perRoomKiB(memActive.circle, memBase.circle, activeRooms),
    bare: perRoomKiB(memActive.bare, memBase.bare, activeRooms),
  },
  /** Circle keeps a room whose people dropped for the reconnect window; a bare server keeps nothing. */
  perDroppedRoomKiB: perRoomKiB(memDropped.circle, memBase.circle, activeRooms),
  raw: { base: memBase, idle: memIdle, active: memActive, dropped: memDropped },
};

const result = {
  socketsPerRoom: SEATING.length,
  changesPerRoomPerSec: RATE,
  windowSeconds: WINDOW_MS / 1000,
  rounds: ROUNDS,
  sizes,
  durableWrite,
  memory,
  profile: profile && { file: 'bench/profile-floor.txt', circle: profile.circle, bare: profile.bare },
  allocation,
};

console.table(
  sizes.map((s) => ({
    rooms: s.rooms,
    'Circle us/msg': s.circle.usPerDelivery.median,
    'bare us/msg': s.bare.usPerDelivery.median,
    'ratio median': s.cpuPerDeliveryRatio.median,
    'ratio min-max': `${s.cpuPerDeliveryRatio.min}-${s.cpuPerDeliveryRatio.max}`,
    'B/msg C|b': `${s.circle.bytesPerDelivery}|${s.bare.bytesPerDelivery}`,
    'msg/change/socket C|b': `${s.circle.deliveriesPerChangePerSocket}|${s.bare.deliveriesPerChangePerSocket}`,
    'p50 ms C|b': `${s.circle.p50.median}|${s.bare.p50.median}`,
    'p99 ms C|b': `${s.circle.p99.median}|${s.bare.p99.median}`,
    'lost C|b': `${s.circle.lost}|${s.bare.lost}`,
    'saturated C|b': `${s.saturatedWindows.circle}|${s.saturatedWindows.bare} of ${ROUNDS}`,
  })),
);
// Where the difference per change lies: user space or the kernel, the event loop or helper threads.
console.table(
  sizes.map(({ rooms, circle: c, bare: b }) => ({
    rooms,
    'user us/change C|b': `${c.perChange.userUs}|${b.perChange.userUs}`,
    'system us/change C|b': `${c.perChange.systemUs}|${b.perChange.systemUs}`,
    'main thread share C|b': `${c.perChange.mainThreadShare}|${b.perChange.mainThreadShare}`,
    'write calls/change C|b': `${c.perChange.writeCalls}|${b.perChange.writeCalls}`,
  })),
);
console.table(
  (['perIdleRoomKiB', 'perActiveRoomKiB'] as const).map((k) => ({
    memory: k,
    'Circle heap/rss KiB': `${memory[k].circle.heap}/${memory[k].circle.rss}`,
    'bare heap/rss KiB': `${memory[k].bare.heap}/${memory[k].bare.rss}`,
  })),
);
if (allocation) {
  const a = allocation;
  console.log(
    `Allocation per floor change, ${a.rooms} rooms (sampled; own: the server's code, not its libraries)`,
  );
  console.table([
    {
      'Circle B (own)': `${a.circle.bytes} (${a.circle.ownBytes})`,
      'bare B (own)': `${a.bare.bytes} (${a.bare.ownBytes})`,
    },
  ]);
}
for (const b of [breakdown.idle, breakdown.active]) if (b) console.log(b.text);
if (profile) console.log(profile.text);
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
/** What --out writes (bench/run.ts reads it). */
export type FloorResult = typeof result;
process.exit(0);
