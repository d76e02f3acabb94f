import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peekFrame } from '../../client/src/e2ee/frames/frame.js';
import { Keyring, Opener, Sealer } from '../../client/src/e2ee/frames/keyring.js';
import type { MediaRoom } from '../src/media/MediaRoom.js';
import type { RunningServer } from '../src/server.js';
import { createGroup, joinAs, ok, type Joined } from './support/client.js';
import { opus } from './support/media.js';
import { waitUntil } from './support/ports.js';
import { plainReceiver } from './support/rtp.js';
import { inProcess } from './support/server.js';

/*
 * What the SFU gets of end-to-end encrypted audio, seen from a tap on the router (a PlainTransport
 * consumer, as anyone running the server could add): Opus frames sealed by the browser's own frame code
 * (client/src/e2ee/frames), sent as RTP with the RFC 6464 audio-level extension a browser adds.
 */

const AUDIO_LEVEL = 'urn:ietf:params:rtp-hdrext:ssrc-audio-level';
const SSRC = 4242;

/** RTP with a one-byte header extension (RFC 8285): id 1, the voice bit and the level in -dBov. */
function rtpWithLevel(seq: number, payload: Uint8Array, dBov: number): Buffer {
  const h = Buffer.alloc(20);
  h[0] = 0x90; // version 2, extension
  h[1] = 111;
  h.writeUInt16BE(seq & 0xffff, 2);
  h.writeUInt32BE((seq * 960) >>> 0, 4);
  h.writeUInt32BE(SSRC, 8);
  h.writeUInt16BE(0xbede, 12);
  h.writeUInt16BE(1, 14); // one 32-bit word of extensions
  h[16] = (1 << 4) | 0; // id 1, one byte
  h[17] = 0x80 | dBov;
  return Buffer.concat([h, payload]);
}

/** The payload of an RTP packet (past the header, its CSRCs and extensions). */
function payloadOf(packet: Buffer): Buffer {
  let at = 12 + (packet[0]! & 0x0f) * 4;
  if (packet[0]! & 0x10) at += 4 + packet.readUInt16BE(at + 2) * 4;
  return packet.subarray(at);
}

/** A tap: a UDP socket keeping the RTP payloads the router sends it. */
async function tapSocket() {
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  const payloads: Buffer[] = [];
  socket.on('message', (m) => {
    if (m.length >= 12 && !(m[1]! >= 200 && m[1]! <= 207)) payloads.push(payloadOf(m));
  });
  return { port: socket.address().port, payloads, close: () => socket.close() };
}

describe('a tap on the router gets only sealed audio', () => {
  let srv: RunningServer;
  let media: MediaRoom;
  let fran: Joined, ana: Joined;
  let tap: Awaited<ReturnType<typeof tapSocket>>;
  let sendTo: (packet: Buffer) => void;
  let producerId: string;
  const keys = new Keyring();
  keys.set({ epoch: 3, raw: randomBytes(32) });
  const words = Buffer.from('What is said in the circle stays there. '.repeat(3));
  const sent: Uint8Array[] = [];

  beforeAll(async () => {
    srv = await inProcess({ media: true });
    const g = await createGroup(srv.port);
    fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    ana = await joinAs(srv.port, g.links.member, 'Ana');
    await ok(fran.socket, 'media:join', {}); // the meeting's media starts on first use
    media = await srv.media!.existing(g.groupId)!;
    // Ana's microphone: a plain RTP send transport placed like a browser's, learning its peer from the
    // first packet.
    const transport = await media.run(() =>
      media.addTransport(ana.socket.id!, ana.pid, 'send', (router) =>
        router.createPlainTransport({
          listenInfo: { protocol: 'udp', ip: '127.0.0.1' },
          rtcpMux: true,
          comedia: true,
          appData: { direction: 'send', router },
        }),
      ),
    );
    producerId = await media.run(() =>
      media.produce(ana.socket.id!, ana.pid, {
        transportId: transport.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: { ...opus(SSRC), headerExtensions: [{ uri: AUDIO_LEVEL, id: 1 }] } as never,
      }),
    );
    const out = createSocket('udp4');
    sendTo = (packet) => out.send(packet, transport.tuple.localPort, '127.0.0.1');
    tap = await tapSocket();
    const receiver = await plainReceiver(media, fran.socket.id!, fran.pid, tap.port);
    await receiver.consume(producerId);
  });
  afterAll(async () => {
    tap?.close();
    for (const j of [fran, ana]) j?.socket.close();
    await srv.close();
  });

  it('forwards the sealed frames unchanged: SFrame header, ciphertext, none of the words', async () => {
    const sealer = new Sealer(keys, `${ana.pid}/mic`);
    const speaking = new Promise<void>((resolve) =>
      fran.socket.on('media:speaking', (pids: string[]) => pids.includes(ana.pid) && resolve()),
    );
    for (let n = 0; n < 60; n++) {
      const sealed = (await sealer.seal(words, 0))!;
      sent.push(sealed);
      sendTo(rtpWithLevel(n, sealed, 20));
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitUntil(() => tap.payloads.length >= 40, 5_000, 'the tap gets packets');

    const opener = new Opener(keys, `${ana.pid}/mic`);
    const sentHex = new Set(sent.map((s) => Buffer.from(s).toString('hex')));
    for (const p of tap.payloads) {
      expect(sentHex.has(p.toString('hex'))).toBe(true);
      expect(peekFrame(p, 0)?.kid).toBe(3);
      expect(p.includes(words.subarray(0, 12))).toBe(false);
      // Only with the meeting key do they open: to the words.
      expect(Buffer.from((await opener.open(new Uint8Array(p), 0))!)).toEqual(words);
    }
    // Without the key (another meeting's), nothing opens.
    const stranger = new Keyring();
    stranger.set({ epoch: 3, raw: randomBytes(32) });
    expect(await new Opener(stranger, `${ana.pid}/mic`).open(new Uint8Array(tap.payloads[0]!), 0)).toBeNull();

    // Who speaks is still known (the audio-level extension stays clear): talk time and indicators work.
    await speaking;
  });

  it('costs the mediasoup worker the same to forward sealed frames as clear ones (it does no crypto)', async () => {
    const worker = media.worker;
    const sealed = sent[0]!;
    const clear = new Uint8Array(sealed.length).fill(0x55); // the same size as a sealed frame
    const cpu = async (payload: Uint8Array, from: number) => {
      const before = await worker.getResourceUsage();
      for (let n = 0; n < 1_500; n++) {
        sendTo(rtpWithLevel(from + n, payload, 20));
        if (n % 50 === 49) await new Promise((r) => setTimeout(r, 10));
      }
      await waitUntil(() => tap.payloads.length >= 1_400, 10_000, 'packets forwarded');
      const after = await worker.getResourceUsage();
      return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime;
    };
    tap.payloads.length = 0;
    const clearMs = await cpu(clear, 1_000);
    tap.payloads.length = 0;
    const sealedMs = await cpu(sealed, 3_000);
    console.log(
      `[measure] mediasoup worker CPU for 1500 packets: clear ${clearMs} ms, sealed ${sealedMs} ms`,
    );
    // Forwarding opaque bytes: the same work within the noise of a shared machine.
    expect(sealedMs).toBeLessThan(clearMs * 2 + 20);
  });
});
