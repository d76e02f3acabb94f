/**
 * One open meeting of 300 on one node: 12 seated people (the chair and 11 members, each with a microphone
 * and a camera) and 288 listeners (the group setting `listeners`). The real server runs in this process
 * with its mediasoup workers (one per core); the 300 people are real Socket.IO connections in a child
 * process (bench/meeting300-clients.ts).
 *
 * Media: every person's receive transport and consumers are created through the server's MediaRoom in
 * this process (`addTransport` with plain RTP transports, the same placement, pipes and gating as a
 * browser's WebRTC transports), fed by synthetic RTP from the seated people: opus 50 packets/s, and
 * thumbnail-size VP8 video at 30 packets/s (~250 kbit/s). Strict circle is on: the holder of the word and
 * the chair are heard. Everyone consumes every seated microphone and camera, and — as the client does —
 * keeps only the 6 most recent speakers' videos resumed; a listener given the word publishes a
 * microphone (closed on the server when the word moves on), which everyone consumes.
 *
 * The word passes every BENCH_WORD_SECONDS (3 s; 30 s in the issue's meeting — shortened so a short run
 * sees many passes): a hand goes up (a seated member and a listener in turn), the chair presses Next.
 *
 * Run: npx tsx bench/meeting300.ts [--out file.json]   (bench/run.ts runs it)
 * Tunables: BENCH_PASSES (8), BENCH_WORD_SECONDS (3), BENCH_LISTENERS (288); BENCH_TRACE=1 says each step
 * of a pass and how long each media sync took (a sync waits for every worker answer it asked for).
 */
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadConfig } from '../server/src/config.js';
import type { MediaRoom } from '../server/src/media/MediaRoom.js';
import {
  plainPublish,
  plainSender,
  plainReceiver,
  type PlainPublisher,
  type PlainReceiver,
} from '../server/test/support/rtp.js';
import { createGroup } from '../server/test/support/client.js';
import { inProcess } from '../server/test/support/server.js';
import { BENCH_ENV } from './limits.js';
import type { FloorStats, JoinResult, Request } from './meeting300-clients.js';

const SEATED = 12;
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 288);
const SHOWN_VIDEOS = 6;
const WORD_MS = Number(process.env.BENCH_WORD_SECONDS ?? 3) * 1000;
const PASSES = Number(process.env.BENCH_PASSES ?? 8);
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
/**
 * Where the receivers' RTP goes: UDP sockets held open by a small Python process that never reads them
 * (the kernel drops what overflows), so 300 receivers cost no user-space CPU on a 2-core machine. What
 * each consumer forwarded is read from mediasoup's own counters (consumer stats).
 */
async function udpDrains(count: number): Promise<number[]> {
  const script = [
    'import json, socket, sys',
    'socks = []',
    `for _ in range(${count}):`,
    '    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
    '    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)',
    "    s.bind(('127.0.0.1', 0))",
    '    socks.append(s)',
    'print(json.dumps([s.getsockname()[1] for s in socks]), flush=True)',
    'sys.stdin.read()',
  ].join('\n');
  const drains = spawn('python3', ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  process.on('exit', () => drains.kill());
  const [line] = (await once(createInterface({ input: drains.stdout }), 'line')) as [string];
  return JSON.parse(line) as number[];
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (msg: string) => process.stderr.write(`[meeting300] ${msg}\n`);

process.env.CIRCLE_MEDIA_PORT = '0';
process.env.MEDIASOUP_WORKERS ??= String(cpus().length);
const srv = await inProcess({ media: true, limits: loadConfig({ ...process.env, ...BENCH_ENV }).limits });
if (!srv.media) throw new Error('no mediasoup worker: run scripts/mediasoup-worker.sh');
const g = await createGroup(srv.port, { capacity: SEATED - 1, listeners: LISTENERS });

const child = fork(new URL('./meeting300-clients.ts', import.meta.url), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const ask = <T>(req: Request): Promise<T> =>
  new Promise((resolve, reject) => {
    child.once('message', (m: { ok: boolean; reply?: T; error?: string }) =>
      m.ok ? resolve(m.reply!) : reject(new Error(m.error)),
    );
    child.send(req);
  });

// ---- 300 join ----
progress(`${SEATED} seated and ${LISTENERS} listeners join`);
const joined = await ask<JoinResult>({
  type: 'join',
  port: srv.port,
  links: { facilitator: g.links.facilitator, member: g.links.member },
  seated: SEATED,
  listeners: LISTENERS,
});
progress(
  `joined ${joined.joined} in ${joined.seconds.toFixed(1)} s; refused ${JSON.stringify(joined.refused)}`,
);
const people = joined.people;
const chair = 0;
const send = (who: number, event: string, payload: unknown, measured = true) =>
  ask<{ ok: boolean; error?: string } | null>({ type: 'send', who, event, payload, measured });

// ---- media: the chair's media:join starts the meeting's media, as a browser's would ----
await send(chair, 'media:join', {}, false);
await send(chair, 'media:strict', { on: true }, false);
const media: MediaRoom = await srv.media.existing(g.groupId)!;
if (process.env.BENCH_TRACE) {
  const sync = media.sync.bind(media);
  media.sync = async () => {
    const t = performance.now();
    progress('sync starts');
    try {
      return await sync();
    } finally {
      progress(`sync ends after ${Math.round(performance.now() - t)} ms`);
    }
  };
}
const sinkPorts = await udpDrains(people.length);
const t0 = performance.now();
const seated = people.slice(0, SEATED);
const mics = new Map<string, PlainPublisher>();
const cams = new Map<string, PlainPublisher>();
for (const [i, p] of seated.entries()) {
  const sender = await plainSender(media, p.socketId, p.pid);
  mics.set(p.pid, await sender.publish('mic', 10_000 + i));
  cams.set(p.pid, await sender.publish('camera', 20_000 + i));
}
/** Each person's receiver, and what they consume: producer id -> consumer and the SSRC it arrives with. */
const receivers: { rx: PlainReceiver; of: Map<string, { consumerId: string; ssrc: number }> }[] = [];
let recent = seated.slice(1, 1 + SHOWN_VIDEOS).map((p) => p.pid);
for (const [i, p] of people.entries()) {
  const rx = await plainReceiver(media, p.socketId, p.pid, sinkPorts[i]!);
  const of = new Map<string, { consumerId: string; ssrc: number }>();
  for (const s of seated) {
    if (s.pid === p.pid) continue;
    of.set(mics.get(s.pid)!.producerId, await rx.consume(mics.get(s.pid)!.producerId));
    const shown = recent.includes(s.pid);
    of.set(cams.get(s.pid)!.producerId, await rx.consume(cams.get(s.pid)!.producerId, !shown));
  }
  receivers.push({ rx, of });
  if (i % 50 === 49) progress(`${i + 1} receivers`);
}
const setupSeconds = (performance.now() - t0) / 1000;
progress(`media set up in ${setupSeconds.toFixed(1)} s`);

// ---- synthetic RTP from everyone who publishes ----
let listenerMic: { pid: string; mic: PlainPublisher } | null = null;
let n = 0;
const audio = setInterval(() => {
  n++;
  for (const m of mics.values()) m.send(n);
  listenerMic?.mic.send(n);
}, 20);
let v = 0;
const video = setInterval(() => {
  v++;
  for (const c of cams.values()) c.send(v);
}, 33);

// ---- the word passes ----
const holderPid = () => media.room.record.floor.holder?.pid ?? null;
const indexOf = new Map(people.map((p, i) => [p.pid, i]));
interface Pass {
  holder: 'seated' | 'listener';
  mediaMs: number;
  served: number;
  listenersServed: number;
}
const passes: Pass[] = [];
const cpuTicks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime, after the name: fields 14 and 15
};
const workerPids = srv.media.workerPids();
const ticks0 = workerPids.map(cpuTicks);
const wall0 = performance.now();

for (let k = 0; k < PASSES; k++) {
  const cycleStart = performance.now();
  // A seated member and a listener raise a hand in turn; the chair gives the word to the raised hand.
  const raiser = k % 2 === 0 ? 1 + (k % (SEATED - 1)) : SEATED + ((k * 37) % LISTENERS);
  const raised = await send(raiser, 'floor:raise', {});
  if (process.env.BENCH_TRACE) progress(`pass ${k}: raised`);
  await sleep(WORD_MS / 3);
  const next = await send(chair, 'floor:next', {});
  if (process.env.BENCH_TRACE) progress(`pass ${k}: next`);
  if (!raised?.ok || !next?.ok)
    progress(`pass ${k}: raise ${raised?.error ?? 'ok'}, next ${next?.error ?? 'ok'}`);
  const holder = holderPid();
  const m0 = performance.now();
  const holderIsListener = holder !== null && people[indexOf.get(holder)!]!.listener;
  if (listenerMic && listenerMic.pid !== holder) {
    listenerMic.mic.close(); // the server closed its producer when the word moved on
    listenerMic = null;
  }
  if (holder && holderIsListener) {
    // A listener given the word is heard by all: their microphone, consumed by everyone.
    const who = people[indexOf.get(holder)!]!;
    const mic = await plainPublish(media, who.socketId, who.pid, 'mic', 30_000 + k);
    // Everyone's browser asks for it at once when told of the new track (media:state).
    await Promise.all(
      receivers.map(async (r, i) => {
        if (people[i]!.pid !== holder) r.of.set(mic.producerId, await r.rx.consume(mic.producerId));
      }),
    );
    listenerMic = { pid: holder, mic };
  } else if (holder && !recent.includes(holder)) {
    // A seated speaker's video comes into the 6 most recent; the oldest goes (paused, as the client does).
    const dropped = recent.at(-1)!;
    recent = [holder, ...recent.slice(0, SHOWN_VIDEOS - 1)];
    // Each browser pauses the oldest and resumes the newest video, all browsers at once.
    await Promise.all(
      receivers.map(async (r) => {
        const off = r.of.get(cams.get(dropped)!.producerId);
        const on = r.of.get(cams.get(holder)!.producerId);
        if (off) await r.rx.pause(off.consumerId, true);
        if (on) await r.rx.pause(on.consumerId, false);
      }),
    );
    progress(
      `videos: ${dropped.slice(0, 4)} out, ${holder.slice(0, 4)} in, in ${Math.round(performance.now() - m0)} ms`,
    );
  }
  // The server's media changes run in turn: this waits for the gates of the floor change (strict circle).
  await media.run(async () => undefined);
  if (process.env.BENCH_TRACE) progress(`pass ${k}: media queue passed`);
  const mediaMs = performance.now() - m0;
  // Who receives what they should: the holder's audio and the recent speakers' videos, over one second.
  await sleep(300);
  const holderAudio = listenerMic?.pid === holder ? listenerMic?.mic : holder ? mics.get(holder) : undefined;
  const wanted = [holderAudio?.producerId, ...recent.map((pid) => cams.get(pid)!.producerId)];
  // Everyone's own tracks excepted: [receiver, consumer] for each track they should be getting.
  const pairs = receivers.flatMap((r, i) =>
    wanted.flatMap((id) => (id && r.of.has(id) ? [[i, r.of.get(id)!.consumerId] as const] : [])),
  );
  const sent = () => Promise.all(pairs.map(([i, c]) => receivers[i]!.rx.packetsSent(c)));
  const before = await sent();
  if (process.env.BENCH_TRACE) progress(`pass ${k}: counters read (${pairs.length})`);
  await sleep(1000);
  const after = await sent();
  const missing = new Set(pairs.filter((_, j) => after[j]! === before[j]!).map(([i]) => i));
  const served = receivers.length - missing.size;
  const listenersServed = people.filter((p, i) => p.listener && !missing.has(i)).length;
  passes.push({ holder: holderIsListener ? 'listener' : 'seated', mediaMs, served, listenersServed });
  progress(
    `pass ${k + 1}: ${holderIsListener ? 'a listener' : 'a seated member'} holds the word; ` +
      `media ${Math.round(mediaMs)} ms; ${listenersServed}/${LISTENERS} listeners get the holder's audio and ${SHOWN_VIDEOS} videos`,
  );
  await sleep(Math.max(0, WORD_MS - (performance.now() - cycleStart)));
}

const wallSeconds = (performance.now() - wall0) / 1000;
const workerCpu = workerPids.map((pid, i) => ({
  pid,
  cpuShareOfOneCore: +((cpuTicks(pid) - ticks0[i]!) / 100 / wallSeconds).toFixed(3),
}));
const perWorker = media.consumersPerWorker();
const forwarding = media.consumersPerWorker(true);
const floor = await ask<FloorStats>({ type: 'floorStats' });
clearInterval(audio);
clearInterval(video);

const result = {
  people: { seated: SEATED, listeners: LISTENERS },
  join: {
    seconds: +joined.seconds.toFixed(2),
    joined: joined.joined,
    refused: joined.refused,
    lost: joined.lost,
  },
  wordEverySeconds: WORD_MS / 1000,
  passes,
  floor,
  media: {
    setupSeconds: +setupSeconds.toFixed(1),
    video: 'VP8 30 packets/s of 1,000 B (~250 kbit/s, thumbnail size); opus 50 packets/s',
    workers: workerPids.map((pid, i) => ({
      pid,
      consumers: perWorker.get(pid) ?? 0,
      forwarding: forwarding.get(pid) ?? 0,
      cpuShareOfOneCore: workerCpu[i]!.cpuShareOfOneCore,
    })),
    mainWorker: media.worker.pid,
    minListenersServed: Math.min(...passes.map((p) => p.listenersServed)),
  },
  measuredSeconds: +wallSeconds.toFixed(1),
};
console.log(JSON.stringify(result, null, 2));
if (out) writeFileSync(out, JSON.stringify(result, null, 2));
await ask({ type: 'close' }).catch(() => undefined);
for (const m of mics.values()) m.close();
await srv.close();
process.exit(0);
