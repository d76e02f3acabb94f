/**
 * The client side of the floor bench, in its own process (forked by bench/floor.ts): thousands of real
 * socket.io-client connections, 17 per room, driving floor commands and timing every snapshot they receive.
 * Talks to its parent over IPC; see the Request type. Works against Circle or against the bare Socket.IO
 * server of the same shape (mode 'bare').
 */
import type { Ack, RoomView } from '@circle/shared';
import { PROTOCOL_VERSION } from '@circle/shared';
import { io, type Socket } from 'socket.io-client';

export type Mode = 'circle' | 'bare';
export type Role = 'facilitator' | 'member' | 'observer';
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
  /** `ports`: several server nodes; the people of each room are spread over them in turn. */
  | { type: 'join'; mode: Mode; port: number; ports?: number[]; rooms: Record<Role, string>[] }
  /** Drives one fleet for warmupMs + measureMs; what it measures adds to that fleet's totals. */
  | { type: 'run'; mode: Mode; warmupMs: number; measureMs: number; perRoomPerSec: number }
  /** The totals of every run of a fleet so far. */
  | { type: 'stats'; mode: Mode }
  | { type: 'close'; mode: Mode };

export interface RunStats {
  /** Seconds measured, over all runs. */
  seconds: number;
  /** Snapshots received in the window (one per socket per change). */
  deliveries: number;
  /** Changes committed in the window (distinct seqs over all rooms). */
  changes: number;
  /** Deliveries that never came: for each socket, seqs of its room in the window it did not receive. */
  lost: number;
  latencyMs: { p50: number; p99: number; p999: number; max: number; mean: number };
  commands: Record<string, number>;
  /** A snapshot as received, for the bare server to send the same shape. */
  sample: RoomView | null;
  sampleBytes: number;
  clientCpuShare: number;
}

interface Person {
  socket: Socket;
  role: Role;
  /** Seqs received in the measurement window. */
  seen: Set<number>;
}
interface Room {
  index: number;
  people: Person[];
  /** Seqs anyone in the room received in the window. */
  seqs: Set<number>;
  step: number;
  nextAt: number;
}

/** Two fleets of sockets, one per server, connected side by side so runs can alternate between them. */
interface Fleet {
  mode: Mode;
  rooms: Room[];
  windowStart: number;
  windowEnd: number;
  latencies: number[];
  seconds: number;
  changes: number;
  lost: number;
  commands: Record<string, number>;
  cpuMs: number;
  wallMs: number;
}
const fleets = new Map<Mode, Fleet>();
let sample: RoomView | null = null;
/** Absolute time in ms with sub-ms precision, on the same clock as the server's Date.now(). */
const clock = () => performance.timeOrigin + performance.now();
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

async function joinRoom(fleet: Fleet, ports: number[], index: number, links: Record<Role, string>) {
  const room: Room = { index, people: [], seqs: new Set(), step: 0, nextAt: 0 };
  for (const [k, role] of SEATING.entries()) {
    const socket = io(`http://127.0.0.1:${ports[k % ports.length]}`, {
      auth: { protocol: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    const person: Person = { socket, role, seen: new Set() };
    socket.on('room:state', (v: RoomView) => {
      if (!sample && fleet.mode === 'circle' && v.participants.length === SEATING.length) sample = v;
      if (v.at < fleet.windowStart || v.at >= fleet.windowEnd) return;
      fleet.latencies.push(clock() - v.at);
      person.seen.add(v.seq);
      room.seqs.add(v.seq);
    });
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
function step(fleet: Fleet, room: Room) {
  const k = Math.floor(room.step / 3) % 12;
  const member = room.people[2 + k]!.socket;
  const facilitator = room.people[0]!.socket;
  const phase = room.step++ % 3;
  const sent =
    fleet.mode === 'bare'
      ? emit(facilitator, 'cmd', room.index)
      : phase === 0
        ? emit(member, 'floor:raise', {})
        : phase === 1
          ? emit(facilitator, 'floor:next', {})
          : emit(member, 'floor:done', {});
  void sent.then((ack) => {
    const key = ack.ok ? 'ok' : ack.error;
    fleet.commands[key] = (fleet.commands[key] ?? 0) + 1;
  });
}

async function run(fleet: Fleet, warmupMs: number, measureMs: number, perRoomPerSec: number) {
  const { rooms } = fleet;
  const period = 1000 / perRoomPerSec;
  const start = clock();
  // Rooms spread evenly over the period, like meetings that do not act in step.
  for (const r of rooms) {
    r.nextAt = start + (r.index / rooms.length) * period;
    r.seqs.clear();
    for (const p of r.people) p.seen.clear();
  }
  fleet.windowStart = start + warmupMs;
  fleet.windowEnd = fleet.windowStart + measureMs;
  const cpu0 = process.cpuUsage();
  while (clock() < fleet.windowEnd) {
    const now = clock();
    for (const r of rooms) {
      while (r.nextAt <= now) {
        step(fleet, r);
        r.nextAt += period;
      }
    }
    await sleep(2);
  }
  const cpu = process.cpuUsage(cpu0);
  fleet.cpuMs += (cpu.user + cpu.system) / 1000;
  fleet.wallMs += clock() - start;
  await sleep(1_000); // late deliveries still count (as slow), not as lost
  fleet.windowStart = Infinity;
  fleet.seconds += measureMs / 1000;
  for (const r of rooms) {
    if (!r.seqs.size) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of r.seqs) {
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
    // Seqs are consecutive per room: every change in the window, even one nobody received, is expected.
    fleet.changes += hi - lo + 1;
    for (const p of r.people) for (let s = lo; s <= hi; s++) if (!p.seen.has(s)) fleet.lost++;
  }
  return { seconds: measureMs / 1000 };
}

function stats(fleet: Fleet): RunStats {
  const sorted = Float64Array.from(fleet.latencies).sort();
  const q = (x: number) => sorted[Math.min(sorted.length - 1, Math.ceil(x * sorted.length) - 1)] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    seconds: fleet.seconds,
    deliveries: sorted.length,
    changes: fleet.changes,
    lost: fleet.lost,
    latencyMs: {
      p50: round(q(0.5)),
      p99: round(q(0.99)),
      p999: round(q(0.999)),
      max: round(sorted.at(-1) ?? NaN),
      mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    },
    commands: { ...fleet.commands },
    sample,
    sampleBytes: sample ? Buffer.byteLength(JSON.stringify(sample)) : 0,
    clientCpuShare: round(fleet.cpuMs / fleet.wallMs),
  };
}

process.on('message', (raw) => {
  const req = raw as Request;
  void (async () => {
    if (req.type === 'join') {
      const fleet: Fleet = {
        mode: req.mode,
        rooms: [],
        windowStart: Infinity,
        windowEnd: -Infinity,
        latencies: [],
        seconds: 0,
        changes: 0,
        lost: 0,
        commands: {},
        cpuMs: 0,
        wallMs: 0,
      };
      fleets.set(req.mode, fleet);
      // Several rooms fill at once; within a room people arrive one by one.
      let next = 0;
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
    if (req.type === 'run') return run(fleet, req.warmupMs, req.measureMs, req.perRoomPerSec);
    if (req.type === 'stats') return stats(fleet);
    for (const r of fleet.rooms) for (const p of r.people) p.socket.close();
    fleets.delete(req.mode);
    return { closed: true };
  })().then(
    (reply) => process.send!({ ok: true, reply }),
    (err: unknown) => process.send!({ ok: false, error: String(err) }),
  );
});
