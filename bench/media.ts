/**
 * Media bench: one mediasoup worker carrying a full Circle room fed by synthetic RTP.
 * 14 publishers (opus + VP8) and 3 observers; every seat consumes every other seat, observers consume
 * everyone. Measures the worker's CPU (share of one core) with all videos forwarded, and with only the
 * MAX_VIDEOS most recent speakers' videos forwarded (what the client asks for).
 * Run: npx tsx bench/media.ts   (prints a table, writes bench/media-results.json)
 */
import { createSocket, type Socket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { loadMediasoup } from '../server/src/media/workerBin.js';
import { opusPayload, rtp, vp8KeyFrame } from '../server/test/support/rtp.js';

const PUBLISHERS = 14;
const OBSERVERS = 3;
const SHOWN_VIDEOS = 6;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

const ms = await loadMediasoup();
if (!ms) throw new Error('no mediasoup worker: run scripts/mediasoup-worker.sh');
type T = import('mediasoup').types.Consumer;

const worker = await ms.createWorker({ logLevel: 'error', disableLiburing: true });
const router = await worker.createRouter({
  mediaCodecs: [
    { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
    { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
  ],
});
const levels = await router.createAudioLevelObserver({ interval: 250, threshold: -55 });

const plain = () =>
  router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
    rtcpMux: true,
    comedia: true,
  });

interface Pub {
  audio: InstanceType<typeof Object> & { id: string };
  video: { id: string };
  port: number;
  socket: Socket;
  ssrcA: number;
  ssrcV: number;
}
const pubs: Pub[] = [];
for (let i = 0; i < PUBLISHERS; i++) {
  const t = await plain();
  const ssrcA = 1000 + i;
  const ssrcV = 5000 + i;
  const audio = await t.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc: ssrcA }],
    },
  });
  const video = await t.produce({
    kind: 'video',
    rtpParameters: {
      codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }],
      encodings: [{ ssrc: ssrcV }],
    },
  });
  await levels.addProducer({ producerId: audio.id });
  pubs.push({ audio, video, port: t.tuple.localPort, socket: createSocket('udp4'), ssrcA, ssrcV });
}

// Sinks: one UDP socket per subscriber, counting what the SFU forwards to it.
let forwardedPackets = 0;
const consumers: T[] = [];
const subscribers = PUBLISHERS + OBSERVERS;
for (let s = 0; s < subscribers; s++) {
  const sink = createSocket('udp4');
  await new Promise<void>((r) => sink.bind(0, '127.0.0.1', r));
  sink.on('message', () => forwardedPackets++);
  const t = await router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
    rtcpMux: true,
    comedia: false,
  });
  await t.connect({ ip: '127.0.0.1', port: sink.address().port });
  for (let p = 0; p < PUBLISHERS; p++) {
    if (p === s) continue; // nobody consumes themselves
    for (const producer of [pubs[p]!.audio, pubs[p]!.video]) {
      consumers.push(
        await t.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities, paused: false }),
      );
    }
  }
}

// Synthetic RTP: opus 50 packets/s (~120 B); VP8 ~30 fps x 3 packets (~1,000 B), every frame a key frame
// so consumers forward from the first packet.
const vp8Payload = vp8KeyFrame;
let seq = 0;
let sentPackets = 0;
const audioTimer = setInterval(() => {
  seq++;
  for (const p of pubs) {
    p.socket.send(rtp(100, seq, seq * 960, p.ssrcA, opusPayload), p.port, '127.0.0.1');
    sentPackets++;
  }
}, 20);
let vseq = 0;
const videoTimer = setInterval(() => {
  for (let k = 0; k < 3; k++) {
    vseq++;
    for (const p of pubs) {
      p.socket.send(rtp(101, vseq, Math.floor(vseq / 3) * 3000, p.ssrcV, vp8Payload), p.port, '127.0.0.1');
      sentPackets++;
    }
  }
}, 33);

async function measure(label: string) {
  await new Promise((r) => setTimeout(r, 1500)); // settle
  const a = await worker.getResourceUsage();
  const f0 = forwardedPackets;
  const s0 = sentPackets;
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const b = await worker.getResourceUsage();
  const wall = Date.now() - t0;
  const cpuMs = b.ru_utime + b.ru_stime - (a.ru_utime + a.ru_stime);
  const active = consumers.filter((c) => !c.paused).length;
  return {
    scenario: label,
    consumers: consumers.length,
    activeConsumers: active,
    workerCpuShareOfOneCore: +(cpuMs / wall).toFixed(3),
    packetsInPerSec: Math.round(((sentPackets - s0) * 1000) / wall),
    packetsOutPerSec: Math.round(((forwardedPackets - f0) * 1000) / wall),
  };
}

const results = [];
results.push(await measure('full room, every video forwarded'));
// What the client does: only the most recent speakers' videos are shown; the rest are paused.
const shown = new Set(pubs.slice(0, SHOWN_VIDEOS).map((p) => p.video.id));
for (const c of consumers) if (c.kind === 'video' && !shown.has(c.producerId)) await c.pause();
results.push(await measure(`full room, ${SHOWN_VIDEOS} videos shown`));
for (const c of consumers) if (c.kind === 'video') await c.pause();
results.push(await measure('full room, audio only'));

clearInterval(audioTimer);
clearInterval(videoTimer);
console.table(results);
console.log('(2-core shared machine; the load generator runs on the same cores as the worker)');
writeFileSync(
  new URL('./media-results.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
for (const p of pubs) p.socket.close();
worker.close();
process.exit(0);
