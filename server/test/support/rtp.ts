import { createSocket, type Socket } from 'node:dgram';
import type { MediaSource } from '@circle/shared';
import type { types } from 'mediasoup';
import type { MediaRoom } from '../../src/media/MediaRoom.js';
import { workerOf } from '../../src/media/routers.js';
import { opus, vp8 } from './media.js';

/*
 * Real RTP through the server's MediaRoom, for tests and benches in the server's process: plain RTP
 * transports (no ICE/DTLS) placed, counted and gated exactly like a browser's WebRTC ones — MediaRoom's
 * addTransport, which nothing on the network can reach. Packets are synthetic: opus-sized audio, VP8
 * key frames (so a consumer forwards from its first packet).
 */

const OPUS_PT = opus(0).codecs[0]!.payloadType;
const VP8_PT = vp8(0).codecs[0]!.payloadType;
export const opusPayload = Buffer.alloc(120, 0x55);
export const vp8KeyFrame = Buffer.concat([
  Buffer.from([0x10, 0x00, 0x00, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]),
  Buffer.alloc(1000, 0x33),
]);

/** An RTP packet (version 2, no extensions). */
export function rtp(pt: number, seq: number, ts: number, ssrc: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(12);
  h[0] = 0x80;
  h[1] = pt;
  h.writeUInt16BE(seq & 0xffff, 2);
  h.writeUInt32BE(ts >>> 0, 4);
  h.writeUInt32BE(ssrc, 8);
  return Buffer.concat([h, payload]);
}

type Router = types.Router;
const plainOn = (direction: 'send' | 'recv') => (router: Router) =>
  router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
    rtcpMux: true,
    // A sender is learnt from its first packet; a receiver is told where to send.
    comedia: direction === 'send',
    appData: { direction, router },
  });

/** A publisher fed with synthetic RTP: `send(n)` sends the n-th audio packet (20 ms) or video packet. */
export interface PlainPublisher {
  producerId: string;
  source: MediaSource;
  send(n: number): void;
  /** Closes the UDP socket feeding it (and every other track of the same sender). */
  close(): void;
}

/**
 * One person's plain RTP send transport (one per connection, as a browser's) and the UDP socket feeding
 * it: `publish` adds a microphone (opus) or a camera (VP8) on it.
 */
export async function plainSender(media: MediaRoom, socketId: string, pid: string) {
  const transport = await media.run(() => media.addTransport(socketId, pid, 'send', plainOn('send')));
  const port = transport.tuple.localPort;
  const socket = createSocket('udp4');
  return {
    publish: async (source: 'mic' | 'camera', ssrc: number): Promise<PlainPublisher> => {
      const kind = source === 'mic' ? 'audio' : 'video';
      const rtpParameters = source === 'mic' ? opus(ssrc) : vp8(ssrc);
      const producerId = await media.run(() =>
        media.produce(socketId, pid, { transportId: transport.id, kind, source, rtpParameters }),
      );
      return {
        producerId,
        source,
        send(n) {
          const packet =
            source === 'mic'
              ? rtp(OPUS_PT, n, n * 960, ssrc, opusPayload)
              : rtp(VP8_PT, n, Math.floor(n / 3) * 3000, ssrc, vp8KeyFrame);
          socket.send(packet, port, '127.0.0.1');
        },
        close: () => socket.close(),
      };
    },
  };
}

/** Publishes one microphone or camera for `pid` on a plain RTP transport of its own. */
export async function plainPublish(
  media: MediaRoom,
  socketId: string,
  pid: string,
  source: 'mic' | 'camera',
  ssrc: number,
): Promise<PlainPublisher> {
  return (await plainSender(media, socketId, pid)).publish(source, ssrc);
}

/** A local UDP socket counting the RTP packets it gets, per SSRC. */
export interface UdpSink {
  port: number;
  packets: () => number;
  packetsOf: (ssrc: number) => number;
  close(): void;
}

export async function udpSink(): Promise<UdpSink> {
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  let packets = 0;
  const bySsrc = new Map<number, number>();
  socket.on('message', (m) => {
    packets++;
    // Only RTP (RTCP's second byte is 200..207, and its sender SSRC sits at 4..8).
    if (m.length < 12 || (m[1]! >= 200 && m[1]! <= 207)) return;
    const ssrc = m.readUInt32BE(8);
    bySsrc.set(ssrc, (bySsrc.get(ssrc) ?? 0) + 1);
  });
  return {
    port: socket.address().port,
    packets: () => packets,
    packetsOf: (ssrc) => bySsrc.get(ssrc) ?? 0,
    close: () => socket.close(),
  };
}

/** A receiver: one plain receive transport, placed by the MediaRoom, sending to a UDP port on this machine. */
export interface PlainReceiver {
  /** The worker the receive transport's router runs on. */
  workerPid: number;
  /** Consumes a producer (resumed unless `paused`, as the browser asks); the SSRC its packets carry. */
  consume(producerId: string, paused?: boolean): Promise<{ consumerId: string; ssrc: number }>;
  pause(consumerId: string, paused: boolean): Promise<void>;
  /** RTP packets a consumer has sent to this receiver so far (mediasoup's own count, no sink needed). */
  packetsSent(consumerId: string): Promise<number>;
}

export async function plainReceiver(
  media: MediaRoom,
  socketId: string,
  pid: string,
  sinkPort: number,
): Promise<PlainReceiver> {
  const transport = await media.run(async () => {
    const t = await media.addTransport(socketId, pid, 'recv', plainOn('recv'));
    await t.connect({ ip: '127.0.0.1', port: sinkPort });
    return t;
  });
  const consumers = new Map<string, types.Consumer>();
  transport.observer.on('newconsumer', (c) => consumers.set(c.id, c));
  return {
    workerPid: workerOf(transport.appData.router as Router).pid,
    packetsSent: async (consumerId) => {
      const stats = await consumers.get(consumerId)?.getStats();
      return stats?.find((s) => s.type === 'outbound-rtp')?.packetCount ?? 0;
    },
    // A connection's requests about its own consumers, in the same turns as a browser's (MediaRoom.runFor).
    consume: (producerId, paused = false) =>
      media.runFor(socketId, async () => {
        const c = await media.consume(socketId, pid, producerId, media.rtpCapabilities);
        if (!paused) await media.setConsumerPaused(socketId, c.consumerId, false);
        return {
          consumerId: c.consumerId,
          ssrc: (c.rtpParameters as types.RtpParameters).encodings![0]!.ssrc!,
        };
      }),
    pause: (consumerId, paused) =>
      media.runFor(socketId, () => media.setConsumerPaused(socketId, consumerId, paused)),
  };
}
