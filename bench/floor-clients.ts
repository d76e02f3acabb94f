/**
 * The client side of the floor benches, in its own process (forked by bench/floor-driver.ts): thousands of
 * real socket.io-client connections, 17 per room, driving floor commands and counting every event they
 * receive. Talks to its parent over IPC; see the Request type. Works against Circle or against the bare
 * Socket.IO server of bench/floor-server.ts (mode 'bare').
 *
 * Nothing here depends on the names or shapes of Circle's events: every event a socket receives counts as a
 * delivered message, its size is its serialized form, and its latency runs from the command that caused it
 * (the last one sent in that room) to its arrival, on this process's clock. An event whose first argument
 * carries a numeric `seq` is also checked for gaps (lost deliveries), per event name and socket.
 */
import type { Ack } from '@circle/shared';
import { PROTOCOL_VERSION } from '@circle/shared';
import { io, type Socket } from 'socket.io-client';

export type Mode = 'circle' | 'bare';
export type Role = 'facilitator' | 'member' | 'observer';
export const ROLES: Role[] = ['facilitator', 'member', 'observer'];
/** Who sits in each room: 2 facilitators, 12 members (a full circle), 3 observers = 17 sockets. */
export const SEATING: Role[] = [
  'facilitator',
  'facilitator',
  ...Array<Role>(12).fill('member'),
  'observer',
  'observer',
  'observer',
];

export type Request =
  /** Joins rooms[from..] (`from` defaults to 0); `ports`: several nodes, each room's people spread over them. */
  | { type: 'join'; mode: Mode; port: number; ports?: number[]; rooms: Record<Role, string>[]; from?: number }
  /** Drives the first `rooms` rooms of a fleet (all by default) for warmupMs + measureMs. */
  | { type: 'run'; mode: Mode; warmupMs: number; measureMs: number; perRoomPerSec: number; rooms?: number }
  /** The totals of every run of a fleet so far. */
  | { type: 'stats'; mode: Mode }
  /** Payloads received in the last run, per event and role (a few consecutive ones), to copy their shape. */
  | { type: 'samples'; mode: Mode }
  | { type: 'close'; mode: Mode };

export interface Latency {
  p50: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}
/** What one run measured. */
export interface WindowStats {
  seconds: number;
  rooms: number;
  /** Commands sent in the window that the server acknowledged: one floor change each. */
  changes: number;
  commands: Record<string, number>;
  /** Events received by all sockets, caused by commands sent in the window. */
  deliveries: number;
  /** Their serialized size (JSON of [event, ...args], i.e. the Socket.IO frame less its packet type). */
  bytes: number;
  /** Per event name and role: deliveries and bytes. */
  events: Record<string, Partial<Record<Role, { deliveries: number; bytes: number }>>>;
  /** Deliveries missing by seq; null when no event carried a seq. */
  lost: number | null;
  /** Command sent -> event received, every delivery. */
  latencyMs: Latency;
  clientCpuShare: number;
}
/** Totals over every run of a fleet (bench/floor-cluster.ts reads these). */
export interface RunStats {
  seconds: number;
  deliveries: number;
  changes: number;
  lost: number;
  latencyMs: Latency;
}
export type Samples = Record<string, Partial<Record<Role, unknown[][]>>>;
const SAMPLES_KEPT = 6;

interface Person {
  socket: Socket;
  role: Role;
  /** The first socket of its role in its room: the one whose payloads are measured and sampled. */
  measured: boolean;
  /** Seqs received in the window, per event. */
  seen: Map<string, Set<number>>;
}
interface Room {
  index: number;
  people: Person[];
  /** Seqs anyone in the room received in the window, per event. */
  seqs: Map<string, Set<number>>;
  step: number;
  nextAt: number;
  lastSentAt: number;
  lastSentInWindow: boolean;
}
interface Fleet {
  mode: Mode;
  rooms: Room[];
  windowEnd: number;
  current: WindowStats | null;
  /** When a socket last received an event of the current window. */
  lastEventAt: number;
  /** Commands sent and not answered yet. */
  pending: number;
  latencies: number[];
  samples: Samples;
  /** Per event/role: the room its samples come from. */
  sampledRoom: Map<string, number>;
  totals: { seconds: number; deliveries: number; changes: number; lost: number; latencies: number[] };
}
const fleets = new Map<Mode, Fleet>();
const clock = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function emit(socket: Socket, event: string, ...args: unknown[]): Promise<Ack<unknown>> {
  return new Promise((resolve) =>
    socket
      .timeout(30_000)
      .emit(event, ...args, (err: Error | null, ack: Ack<unknown>) =>
        resolve(err ? { ok: false, error: 'UNAVAILABLE' } : ack),
      ),
  );
}

function received(fleet: Fleet, room: Room, person: Person, event: string, args: unknown[]) {
  const w = fleet.current;
  if (!w || !room.lastSentInWindow) return;
  fleet.lastEventAt = clock();
  fleet.latencies.push(clock() - room.lastSentAt);
  w.deliveries++;
  const perRole = (w.events[event] ??= {});
  const e = (perRole[person.role] ??= { deliveries: 0, bytes: 0 });
  e.deliveries++;
  if (person.measured) {
    // Every socket of a role gets the same payload: size one of them, count it for all.
    const bytes = Buffer.byteLength(JSON.stringify([event, ...args]));
    const sameRole = room.people.filter((p) => p.role === person.role).length;
    e.bytes += bytes * sameRole;
    w.bytes += bytes * sameRole;
    // A few consecutive payloads of each event and role, from the first room that got it in the window.
    const kept = ((fleet.samples[event] ??= {})[person.role] ??= []);
    const from = `${event}/${person.role}`;
    if (!fleet.sampledRoom.has(from)) fleet.sampledRoom.set(from, room.index);
    if (kept.length < SAMPLES_KEPT && fleet.sampledRoom.get(from) === room.index) kept.push(args);
  }
  const seq = (args[0] as { seq?: unknown } | null)?.seq;
  if (typeof seq === 'number') {
    let mine = person.seen.get(event);
    if (!mine) person.seen.set(event, (mine = new Set()));
    mine.add(seq);
    let all = room.seqs.get(event);
    if (!all) room.seqs.set(event, (all = new Set()));
    all.add(seq);
  }
}

async function joinRoom(fleet: Fleet, ports: number[], index: number, links: Record<Role, string>) {
  const room: Room = {
    index,
    people: [],
    seqs: new Map(),
    step: 0,
    nextAt: 0,
    lastSentAt: 0,
    lastSentInWindow: false,
  };
  for (const [k, role] of SEATING.entries()) {
    const socket = io(`http://127.0.0.1:${ports[k % ports.length]}`, {
      auth: { protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const measured = SEATING.indexOf(role) === k;
    const person: Person = { socket, role, measured, seen: new Map() };
    socket.onAny((event: string, ...args: unknown[]) => received(fleet, room, person, event, args));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack =
      fleet.mode === 'bare'
        ? await emit(socket, 'join', index, role)
        : await emit(socket, 'room:join', {
            token: links[role].replace(/^.*\/join#/, ''),
            name: `${role} ${room.people.length + 1}`,
            accept: true,
            declarationVersion: 1,
          });
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
    room.people.push(person);
  }
  fleet.rooms[index] = room;
}

/** One floor step in a room: a member raises a hand, a facilitator gives them the word, they finish. */
function step(fleet: Fleet, room: Room, inWindow: boolean) {
  const k = Math.floor(room.step / 3) % 12;
  const member = room.people[2 + k]!.socket;
  const facilitator = room.people[0]!.socket;
  const phase = room.step++ % 3;
  room.lastSentAt = clock();
  room.lastSentInWindow = inWindow;
  const w = fleet.current;
  const sent =
    fleet.mode === 'bare'
      ? emit(facilitator, 'cmd', room.index)
      : phase === 0
        ? emit(member, 'floor:raise', {})
        : phase === 1
          ? emit(facilitator, 'floor:next', {})
          : emit(member, 'floor:done', {});
  fleet.pending++;
  void sent.then((ack) => {
    fleet.pending--;
    if (!inWindow || !w) return;
    const key = ack.ok ? 'ok' : ack.error;
    w.commands[key] = (w.commands[key] ?? 0) + 1;
    if (ack.ok) w.changes++;
  });
}

function percentiles(values: number[]): Latency {
  const sorted = Float64Array.from(values).sort();
  const q = (x: number) => sorted[Math.min(sorted.length - 1, Math.ceil(x * sorted.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(q(0.5)),
    p99: round(q(0.99)),
    p999: round(q(0.999)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** Deliveries missing by seq: per event, each socket of a role that got it misses no seq its room got. */
function lostBySeq(rooms: Room[]): number | null {
  let lost = 0;
  let any = false;
  for (const r of rooms) {
    for (const [event, seqs] of r.seqs) {
      any = true;
      let lo = Infinity;
      let hi = -Infinity;
      for (const s of seqs) [lo, hi] = [Math.min(lo, s), Math.max(hi, s)];
      const roles = new Set(r.people.filter((p) => p.seen.has(event)).map((p) => p.role));
      for (const p of r.people) {
        if (!roles.has(p.role)) continue;
        const mine = p.seen.get(event);
        for (let s = lo; s <= hi; s++) if (!mine?.has(s)) lost++;
      }
    }
  }
  return any ? lost : null;
}

async function run(fleet: Fleet, req: Extract<Request, { type: 'run' }>): Promise<WindowStats> {
  const rooms = fleet.rooms.slice(0, req.rooms ?? fleet.rooms.length);
  const period = 1000 / req.perRoomPerSec;
  const start = clock();
  const windowStart = start + req.warmupMs;
  fleet.windowEnd = windowStart + req.measureMs;
  // Rooms spread evenly over the period, like meetings that do not act in step.
  for (const r of rooms) {
    r.nextAt = start + (r.index / rooms.length) * period;
    r.seqs.clear();
    for (const p of r.people) p.seen.clear();
  }
  fleet.latencies = [];
  fleet.samples = {};
  fleet.sampledRoom.clear();
  const w: WindowStats = {
    seconds: req.measureMs / 1000,
    rooms: rooms.length,
    changes: 0,
    commands: {},
    deliveries: 0,
    bytes: 0,
    events: {},
    lost: null,
    latencyMs: percentiles([]),
    clientCpuShare: 0,
  };
  fleet.current = w;
  const cpu0 = process.cpuUsage();
  while (clock() < fleet.windowEnd) {
    const now = clock();
    for (const r of rooms) {
      while (r.nextAt <= now) {
        step(fleet, r, r.nextAt >= windowStart);
        r.nextAt += period;
      }
    }
    await sleep(2);
  }
  const cpu = process.cpuUsage(cpu0);
  w.clientCpuShare = Math.round(((cpu.user + cpu.system) / 1000 / (clock() - start)) * 100) / 100;
  // Late deliveries still count (as slow), not as lost: wait until every command has its answer and the
  // sockets have been quiet for a moment (at most 5 s after the last command).
  const settled = () => fleet.pending === 0 && clock() - Math.max(fleet.lastEventAt, fleet.windowEnd) >= 300;
  while (!settled() && clock() < fleet.windowEnd + 5_000) await sleep(50);
  fleet.current = null;
  for (const r of rooms) r.lastSentInWindow = false;
  w.lost = lostBySeq(rooms);
  w.latencyMs = percentiles(fleet.latencies);
  const t = fleet.totals;
  t.seconds += w.seconds;
  t.deliveries += w.deliveries;
  t.changes += w.changes;
  t.lost += w.lost ?? 0;
  for (const l of fleet.latencies) t.latencies.push(l);
  return w;
}

process.on('message', (raw) => {
  const req = raw as Request;
  void (async () => {
    if (req.type === 'join') {
      let fleet = fleets.get(req.mode);
      if (!fleet) {
        fleet = {
          mode: req.mode,
          rooms: [],
          windowEnd: -Infinity,
          current: null,
          lastEventAt: 0,
          pending: 0,
          latencies: [],
          samples: {},
          sampledRoom: new Map(),
          totals: { seconds: 0, deliveries: 0, changes: 0, lost: 0, latencies: [] },
        };
        fleets.set(req.mode, fleet);
      }
      // Several rooms fill at once; within a room people arrive one by one.
      let next = req.from ?? 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < req.rooms.length) {
            const i = next++;
            await joinRoom(fleet, req.ports ?? [req.port], i, req.rooms[i]!);
          }
        }),
      );
      return { sockets: fleet.rooms.length * SEATING.length };
    }
    const fleet = fleets.get(req.mode)!;
    if (req.type === 'run') return run(fleet, req);
    if (req.type === 'samples') return fleet.samples;
    if (req.type === 'stats') {
      const { latencies, ...rest } = fleet.totals;
      return { ...rest, latencyMs: percentiles(latencies) } satisfies RunStats;
    }
    for (const r of fleet.rooms) for (const p of r.people) p.socket.close();
    fleets.delete(req.mode);
    return { closed: true };
  })().then(
    (reply) => process.send!({ ok: true, reply }),
    (err: unknown) => process.send!({ ok: false, error: String(err) }),
  );
});
