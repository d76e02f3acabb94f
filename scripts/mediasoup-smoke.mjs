#!/usr/bin/env node
// Smoke test of the mediasoup worker binary, on 127.0.0.1 only:
//   - starts a Worker from MEDIASOUP_WORKER_BIN, or from the path scripts/mediasoup-worker.sh
//     prints (which may download or build one);
//   - creates a Router with opus, VP8 and H264, and a WebRtcTransport on 127.0.0.1;
//   - sends plain RTP (opus) into a PlainTransport and forwards it through a pair of SRTP
//     PlainTransports, once per SRTP crypto suite, so SRTP encryption and decryption in the
//     worker (libsrtp) are exercised;
//   - prints the worker's resource usage and closes everything.
// Exit code 0 on success. Usage: node scripts/mediasoup-smoke.mjs
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import dgram from 'node:dgram';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function workerBinPath() {
  if (process.env.MEDIASOUP_WORKER_BIN) return process.env.MEDIASOUP_WORKER_BIN;
  const out = execFileSync('bash', [path.join(root, 'scripts', 'mediasoup-worker.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop();
}

// RTP sequence numbers and timestamps continue across the SRTP rounds (one input stream).
let nextSeq = 1000;

function rtpPacket(seq, timestamp, ssrc, payloadType) {
  const payload = Buffer.alloc(60, 0xab);
  payload[0] = 0xfc; // an opus TOC byte (CELT fullband 20 ms, mono)
  const header = Buffer.alloc(12);
  header[0] = 0x80; // version 2
  header[1] = payloadType & 0x7f;
  header.writeUInt16BE(seq & 0xffff, 2);
  header.writeUInt32BE(timestamp >>> 0, 4);
  header.writeUInt32BE(ssrc >>> 0, 8);
  return Buffer.concat([header, payload]);
}

// Plain RTP into `input` -> consumer on SRTP transport A -> SRTP over UDP -> producer on SRTP
// transport B, which only counts packets it decrypted.
async function srtpRoundTrip(router, input, socket, producer, inSsrc, inPt, srtpCryptoSuite) {
  const options = { listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false };
  const a = await router.createPlainTransport({ ...options, enableSrtp: true, srtpCryptoSuite });
  const b = await router.createPlainTransport({ ...options, enableSrtp: true, srtpCryptoSuite });
  // Each side sends with its own keys (transport.srtpParameters) and decrypts with the peer's.
  await a.connect({ ip: '127.0.0.1', port: b.tuple.localPort, srtpParameters: b.srtpParameters });
  await b.connect({ ip: '127.0.0.1', port: a.tuple.localPort, srtpParameters: a.srtpParameters });

  const consumer = await a.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
  const forwarded = await b.produce({
    kind: 'audio',
    rtpParameters: {
      codecs: [consumer.rtpParameters.codecs[0]],
      encodings: [{ ssrc: consumer.rtpParameters.encodings[0].ssrc }],
    },
  });

  const sent = 25;
  for (let i = 0; i < sent; i++) {
    const seq = nextSeq++;
    const packet = rtpPacket(seq, 960 * seq, inSsrc, inPt);
    await new Promise((resolve, reject) =>
      socket.send(packet, input.tuple.localPort, '127.0.0.1', (e) => (e ? reject(e) : resolve())),
    );
    await sleep(10);
  }
  await sleep(300);

  const outStats = (await consumer.getStats()).find((s) => s.type === 'outbound-rtp');
  const fwdStats = (await forwarded.getStats())[0];
  console.log(
    `SRTP ${srtpCryptoSuite}: sent ${sent} RTP -> consumer sent ${outStats?.packetCount ?? 0} encrypted` +
      ` -> peer decrypted ${fwdStats?.packetCount ?? 0}`,
  );
  a.close();
  b.close();
  if (!fwdStats || fwdStats.packetCount < sent * 0.8)
    throw new Error(`SRTP ${srtpCryptoSuite} round trip lost packets`);
}

async function main() {
  // mediasoup 3.19 reads MEDIASOUP_WORKER_BIN when it is first loaded: set it before importing.
  const workerBin = workerBinPath();
  process.env.MEDIASOUP_WORKER_BIN = workerBin;
  const serverRequire = createRequire(path.join(root, 'server', 'package.json'));
  const mod = await import(pathToFileURL(serverRequire.resolve('mediasoup')).href);
  const mediasoup = mod.default ?? mod;

  console.log(`mediasoup ${mediasoup.version}, worker binary ${mediasoup.workerBin}`);
  if (mediasoup.workerBin !== workerBin) throw new Error('mediasoup did not pick up MEDIASOUP_WORKER_BIN');

  const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: 40000, rtcMaxPort: 49999 });
  let died = null;
  worker.on('died', (error) => {
    died = error;
  });
  console.log(`worker pid ${worker.pid}`);

  try {
    const router = await worker.createRouter({
      mediaCodecs: [
        { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
        { kind: 'video', mimeType: 'video/VP8', clockRate: 90000 },
        {
          kind: 'video',
          mimeType: 'video/H264',
          clockRate: 90000,
          parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
        },
      ],
    });
    const codecs = router.rtpCapabilities.codecs.map((c) => `${c.mimeType}/${c.preferredPayloadType}`);
    console.log(`router ${router.id}: ${codecs.join(', ')}`);
    for (const want of ['audio/opus', 'video/VP8', 'video/H264']) {
      if (!router.rtpCapabilities.codecs.some((c) => c.mimeType === want))
        throw new Error(`router lacks ${want}`);
    }

    const webRtcTransport = await router.createWebRtcTransport({
      listenInfos: [
        { protocol: 'udp', ip: '127.0.0.1' },
        { protocol: 'tcp', ip: '127.0.0.1' },
      ],
    });
    const candidates = webRtcTransport.iceCandidates.map((c) => `${c.protocol} ${c.address}:${c.port}`);
    console.log(`webrtc transport ${webRtcTransport.id}: ICE ${candidates.join(', ')}`);
    console.log(
      `  DTLS fingerprints: ${webRtcTransport.dtlsParameters.fingerprints.map((f) => f.algorithm).join(', ')}`,
    );
    if (candidates.length === 0) throw new Error('no ICE candidates');

    // Plain RTP comes in here (comedia: the worker learns our address from the first packet).
    const input = await router.createPlainTransport({
      listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
      rtcpMux: true,
      comedia: true,
    });
    const inSsrc = 11111111;
    const inPt = 100;
    const producer = await input.produce({
      kind: 'audio',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: inPt, clockRate: 48000, channels: 2 }],
        encodings: [{ ssrc: inSsrc }],
      },
    });

    // One sending socket throughout: with comedia the worker only accepts the first source address.
    const socket = dgram.createSocket('udp4');
    await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
    try {
      // Every SRTP crypto suite mediasoup offers in DTLS (browsers usually pick AEAD_AES_256_GCM).
      for (const suite of [
        'AEAD_AES_256_GCM',
        'AEAD_AES_128_GCM',
        'AES_CM_128_HMAC_SHA1_80',
        'AES_CM_128_HMAC_SHA1_32',
      ]) {
        await srtpRoundTrip(router, input, socket, producer, inSsrc, inPt, suite);
      }
    } finally {
      socket.close();
    }

    const usage = await worker.getResourceUsage();
    console.log(
      `worker resource usage: user ${usage.ru_utime} ms, system ${usage.ru_stime} ms,` +
        ` max RSS ${usage.ru_maxrss} KiB, voluntary/involuntary context switches ${usage.ru_nvcsw}/${usage.ru_nivcsw}`,
    );
  } finally {
    worker.close();
  }
  if (died) throw died;
  console.log('mediasoup smoke: OK');
}

main().catch((error) => {
  console.error('mediasoup smoke: FAILED:', error);
  process.exit(1);
});
