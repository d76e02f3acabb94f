/**
 * The people of bench/meeting300.ts, in their own process (forked by it): 300 real socket.io-client
 * connections joining one meeting, the floor commands they send, the fan-out latency of every room event
 * they receive (from the command that caused it) and lost events by seq. Talks to its parent over IPC
 * (see Request).
 */
import type { Ack } from '@circle/shared';
import { PROTOCOL_VERSION } from '@circle/shared';
import { io, type Socket } from 'socket.io-client';

export type Request =
  | {
      type: 'join';
      port: number;
      links: { facilitator: string; member: string };
      seated: number;
      listeners: number;
    }
  | { type: 'send'; who: number; event: string; payload: unknown; measured: boolean }
  | { type: 'floorStats' }
  | { type: 'close' };

export interface Person {
  pid: string;
  socketId: string;
  role: 'facilitator' | 'member';
  listener: boolean;
}
export interface JoinResult {
  seconds: number;
  joined: number;
  refused: Record<string, number>;
  /** Connections that got no answer to room:join (dropped or timed out). */
  lost: number;
  people: Person[];
}
export interface FloorStats {
  changes: number;
  deliveries: number;
  lost: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Mean JSON size of a room event as a listener receives it. */
  bytesPerDelivery: number;
}

const JOIN_TIMEOUT_MS = 60_000;
const clock = () => performance.now();
const sockets: Socket[] = [];
let people: Person[] = [];
/** The connection of each of `people` (same index): a join that failed has none. */
let joinedSockets: Socket[] = [];
/** The last command measured: every room event until the next one is its fan-out. */
let lastSentAt = 0;
let measuring = false;
const latencies: number[] = [];
let bytes = 0;
let listenerDeliveries = 0;
let changes = 0;
/** Seqs each socket received while measuring. */
const seen: Set<number>[] = [];

function emit(socket: Socket, event: string, payload: unknown): Promise<Ack<unknown> | null> {
  return new Promise((resolve) =>
    socket
      .timeout(JOIN_TIMEOUT_MS)
      .emit(event, payload, (err: Error | null, ack: Ack<unknown>) => resolve(err ? null : ack)),
  );
}

async function joinOne(port: number, link: string, name: string, refused: Record<string, number>) {
  const socket = io(`http://127.0.0.1:${port}`, {
    auth: { protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const index = sockets.push(socket) - 1;
  seen[index] = new Set();
  socket.onAny((event: string, view: { seq?: number } | null) => {
    if (!measuring || (event !== 'room:patch' && event !== 'room:state')) return;
    latencies.push(clock() - lastSentAt);
    if (typeof view?.seq === 'number') seen[index]!.add(view.seq);
    if (index === sockets.length - 1) {
      listenerDeliveries++;
      bytes += Buffer.byteLength(JSON.stringify([event, view]));
    }
  });
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
  });
  if (!connected) return null;
  const ack = await emit(socket, 'room:join', {
    token: link.replace(/^.*\/join#/, ''),
    name,
    accept: true,
    declarationVersion: 1,
    // Browsers that encrypt their media end to end (new groups are encrypted; the SFU's work is the same).
    e2ee: true,
  });
  if (ack && !ack.ok) refused[ack.error] = (refused[ack.error] ?? 0) + 1;
  if (!ack?.ok) return null;
  const data = ack.data as { pid: string };
  return { socket, pid: data.pid };
}

async function join(req: Extract<Request, { type: 'join' }>): Promise<JoinResult> {
  const refused: Record<string, number> = {};
  const t0 = clock();
  // The chair and the seated members first (so they take the seats), then every listener at once.
  const seated = await Promise.all([
    joinOne(req.port, req.links.facilitator, 'Chair', refused),
    ...Array.from({ length: req.seated - 1 }, (_, i) =>
      joinOne(req.port, req.links.member, `Seat ${i + 1}`, refused),
    ),
  ]);
  const listeners = await Promise.all(
    Array.from({ length: req.listeners }, (_, i) =>
      joinOne(req.port, req.links.member, `Listener ${i + 1}`, refused),
    ),
  );
  const seconds = (clock() - t0) / 1000;
  const all = [...seated, ...listeners];
  joinedSockets = all.flatMap((j) => (j ? [j.socket] : []));
  people = all.flatMap((j, i) =>
    j
      ? [
          {
            pid: j.pid,
            socketId: j.socket.id!,
            role: i === 0 ? 'facilitator' : 'member',
            listener: i >= req.seated,
          },
        ]
      : [],
  ) as Person[];
  const refusedCount = Object.values(refused).reduce((a, b) => a + b, 0);
  return {
    seconds,
    joined: people.length,
    refused,
    lost: all.length - people.length - refusedCount,
    people,
  };
}

function floorStats(): FloorStats {
  const sorted = Float64Array.from(latencies).sort();
  const q = (x: number) => sorted[Math.min(sorted.length - 1, Math.ceil(x * sorted.length) - 1)] ?? NaN;
  const r = (x: number) => Math.round(x * 100) / 100;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of seen) for (const seq of s) [lo, hi] = [Math.min(lo, seq), Math.max(hi, seq)];
  let lost = 0;
  for (const s of seen) for (let seq = lo; seq <= hi; seq++) if (!s.has(seq)) lost++;
  return {
    changes,
    deliveries: latencies.length,
    lost,
    latencyMs: { p50: r(q(0.5)), p99: r(q(0.99)), max: r(sorted.at(-1) ?? NaN) },
    bytesPerDelivery: listenerDeliveries ? Math.round(bytes / listenerDeliveries) : 0,
  };
}

async function handle(req: Request): Promise<unknown> {
  switch (req.type) {
    case 'join':
      return join(req);
    case 'send': {
      measuring ||= req.measured;
      lastSentAt = clock();
      const ack = await emit(joinedSockets[req.who]!, req.event, req.payload);
      if (req.measured && ack?.ok) changes++;
      return ack;
    }
    case 'floorStats':
      return floorStats();
    case 'close':
      for (const s of sockets) s.close();
      setTimeout(() => process.exit(0), 100);
      return null;
  }
}

process.on('message', (req: Request) => {
  handle(req).then(
    (reply) => process.send!({ ok: true, reply }),
    (err: unknown) => process.send!({ ok: false, error: String(err) }),
  );
});
