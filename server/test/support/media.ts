import type { MediaView } from '@circle/shared';
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';
import type { RunningServer } from '../../src/server.js';
import { joinAs, ok, type Joined, type TestSocket } from './client.js';
import { freePort } from './ports.js';
import { inProcess } from './server.js';

/**
 * One in-process server with one real mediasoup worker for a whole test file, started before its tests
 * and closed after them with every connection `join` opened. Read `srv` inside the tests.
 */
export function mediaServerPerFile(overrides: Partial<Config> = {}) {
  const ctx = { open: [] as Joined[] } as { srv: RunningServer; open: Joined[] };
  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    process.env.CIRCLE_MEDIA_PORT = String(await freePort());
    ctx.srv = await inProcess({ media: true, ...overrides });
    if (!ctx.srv.media) throw new Error('no mediasoup worker started');
  });
  afterAll(async () => {
    for (const j of ctx.open) j.socket.close();
    await ctx.srv?.close();
  });
  return {
    get srv() {
      return ctx.srv;
    },
    join: async (link: string, name: string) => {
      const j = await joinAs(ctx.srv.port, link, name);
      ctx.open.push(j);
      return j;
    },
  };
}

/*
 * A fake media peer: it speaks the signalling protocol with RTP descriptions as a browser would send them.
 * No RTP flows (no ICE/DTLS in these tests); mediasoup still checks every description for real.
 */

/** Opus parameters as a browser would send them. */
export const opus = (ssrc: number) => ({
  codecs: [
    {
      mimeType: 'audio/opus',
      payloadType: 111,
      clockRate: 48000,
      channels: 2,
      parameters: { useinbandfec: 1 },
      rtcpFeedback: [],
    },
  ],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname: `c${ssrc}` },
});

/** VP8 parameters as a browser would send them. */
export const vp8 = (ssrc: number) => ({
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [] }],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname: `v${ssrc}` },
});

/** Keeps the newest media picture a socket has seen. */
export function mediaViews(j: Joined) {
  const views: MediaView[] = [];
  j.socket.on('media:state', (v) => views.push(v));
  return () => views.at(-1);
}

/** Joins media and publishes a microphone on a new send transport. */
export async function publishMic(j: Joined, ssrc: number) {
  await ok(j.socket, 'media:join', {});
  const t = await ok(j.socket, 'media:transport', { direction: 'send' });
  return {
    transportId: t.id,
    ...(await ok(j.socket, 'media:produce', {
      transportId: t.id,
      kind: 'audio',
      source: 'mic',
      rtpParameters: opus(ssrc),
    })),
  };
}

/** Consumes a producer on a (new) receive transport; the consumer is resumed as a browser would. */
export async function consume(j: Joined, producerId: string) {
  const { routerRtpCapabilities } = await ok(j.socket, 'media:join', {});
  await ok(j.socket, 'media:transport', { direction: 'recv' });
  const c = await ok(j.socket, 'media:consume', { producerId, rtpCapabilities: routerRtpCapabilities });
  await ok(j.socket, 'media:consumerResume', { consumerId: c.consumerId });
  return c;
}

/** The consumer ids the server said it closed on this connection. */
export function closedConsumers(socket: TestSocket) {
  const ids = new Set<string>();
  socket.on('media:consumerClosed', ({ consumerId }) => ids.add(consumerId));
  return ids;
}
