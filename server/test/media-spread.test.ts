import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRoom } from '../src/media/MediaRoom.js';
import type { RunningServer } from '../src/server.js';
import { createGroup, joinAs, ok, type Joined } from './support/client.js';
import { closedConsumers, consume, publishMic } from './support/media.js';
import { freePort, waitUntil } from './support/ports.js';
import {
  plainPublish,
  plainReceiver,
  udpSink,
  type PlainPublisher,
  type PlainReceiver,
  type UdpSink,
} from './support/rtp.js';
import { inProcess } from './support/server.js';

/**
 * One meeting over two mediasoup workers: the main router (producers) on one, receivers beyond the first
 * on the other, fed through a pipe (`pipeToRouter`). Real workers, real RTP on the pipe.
 */
describe('a meeting spread over the workers of a node', () => {
  let srv: RunningServer;
  let media: MediaRoom;
  let fran: Joined, ana: Joined, ben: Joined, cy: Joined, dee: Joined, eve: Joined;
  let deeMic: PlainPublisher;
  let eveEars: PlainReceiver;
  let eveSink: UdpSink;
  /** The SSRC of Dee's packets as they reach Eve. */
  let eveHearsDee: number;
  let rtpTimer: NodeJS.Timeout;

  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '2';
    process.env.CIRCLE_MEDIA_PORT = String(await freePort());
    // The main router takes one receiver; the meeting spreads from the second.
    process.env.CIRCLE_MEDIA_SPREAD_AT = '1';
    srv = await inProcess({ media: true });
    delete process.env.CIRCLE_MEDIA_SPREAD_AT;
    const g = await createGroup(srv.port);
    fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    const join = (name: string) => joinAs(srv.port, g.links.member, name);
    [ana, ben, cy, dee, eve] = [
      await join('Ana'),
      await join('Ben'),
      await join('Cy'),
      await join('Dee'),
      await join('Eve'),
    ];
    await ok(fran.socket, 'media:join', {}); // the meeting's media starts on first use
    media = await srv.media!.existing(g.groupId)!;
  });
  afterAll(async () => {
    clearInterval(rtpTimer);
    deeMic?.close();
    eveSink?.close();
    for (const j of [fran, ana, ben, cy, dee, eve]) j?.socket.close();
    await srv.close();
  });

  it('places receivers on both workers, and a receiver on the second gets RTP from a producer on the first', async () => {
    const anaMic = await publishMic(ana, 101);
    await consume(ben, anaMic.producerId); // the main router's one receiver
    deeMic = await plainPublish(media, dee.socket.id!, dee.pid, 'mic', 202);
    eveSink = await udpSink();
    eveEars = await plainReceiver(media, eve.socket.id!, eve.pid, eveSink.port); // beyond it: the other worker
    await consume(cy, anaMic.producerId); // the least loaded router: back on the main one
    const { consumerId: eveHearsAna } = await eveEars.consume(anaMic.producerId);
    eveHearsDee = (await eveEars.consume(deeMic.producerId)).ssrc;

    const [main, other] = [media.worker.pid, eveEars.workerPid];
    expect(other).not.toBe(main);
    expect(new Set(srv.media!.workerPids())).toEqual(new Set([main, other]));
    expect(Object.fromEntries(media.consumersPerWorker())).toEqual({ [main]: 2, [other]: 2 });

    let n = 0;
    rtpTimer = setInterval(() => deeMic.send(++n), 20);
    await waitUntil(
      () => eveSink.packetsOf(eveHearsDee) >= 10,
      5_000,
      'RTP from the first worker on the second',
    );

    // Ana's microphone closes: the consumer on the other worker closes with it, and Eve is told.
    const eveClosed = closedConsumers(eve.socket);
    await ok(ana.socket, 'media:close', { source: 'mic' });
    await waitUntil(() => eveClosed.has(eveHearsAna), 2_000, "Eve's consumer of Ana closed");
    expect(Object.fromEntries(media.consumersPerWorker())).toEqual({ [main]: 0, [other]: 1 });
  });

  it('holds a microphone for receivers on every worker, and cuts a removed person off on every worker', async () => {
    await ok(fran.socket, 'media:mute', { pid: dee.pid });
    await waitUntil(() => media.view().tracks.find((t) => t.pid === dee.pid)?.paused === true, 2_000, 'held');
    // Held at the producer: what is already on its way drains, then nothing more reaches the pipe.
    const quiet = async () => {
      const before = eveSink.packetsOf(eveHearsDee);
      await new Promise((r) => setTimeout(r, 300));
      return eveSink.packetsOf(eveHearsDee) === before;
    };
    await waitUntil(quiet, 3_000, 'no RTP to the second worker while held');
    await ok(fran.socket, 'media:release', { pid: dee.pid });
    const resumedAt = eveSink.packetsOf(eveHearsDee);
    await waitUntil(() => eveSink.packetsOf(eveHearsDee) > resumedAt + 5, 3_000, 'RTP again once released');

    // Strict circle pauses, on the second worker, the consumer of someone who does not hold the word.
    const eveGated = () => media.consumerStates(eve.socket.id!).every((c) => c.paused);
    await ok(fran.socket, 'media:strict', { on: true });
    await waitUntil(eveGated, 2_000, "Eve's consumer of Dee paused in strict circle");
    await ok(fran.socket, 'media:strict', { on: false });
    await waitUntil(() => !eveGated(), 2_000, "Eve's consumer of Dee resumed");

    const eveClosed = closedConsumers(eve.socket);
    await ok(fran.socket, 'moderation:remove', { pid: eve.pid });
    await waitUntil(() => eveClosed.size === 1, 2_000, "Eve's consumer closed on the second worker");
    expect(media.consumerStates(eve.socket.id!)).toEqual([]);
    expect(Object.fromEntries(media.consumersPerWorker())).toEqual({
      [media.worker.pid]: 0,
      [eveEars.workerPid]: 0,
    });
  });

  it('starts the meeting over when the worker of its second router dies; the main one stays', async () => {
    const main = media.worker.pid;
    const second = eveEars.workerPid;
    const restarted = new Promise<void>((r) => ana.socket.once('media:restart', () => r()));
    process.kill(second, 'SIGKILL');
    await restarted;
    expect(media.usesWorker(second)).toBe(false);
    expect(media.worker.pid).toBe(main);
    expect(srv.media!.workerPids()).not.toContain(second);
    // Clients set media up again: the meeting spreads over the fresh worker as before.
    const anaMic = await publishMic(ana, 303);
    await consume(ben, anaMic.producerId);
    await consume(cy, anaMic.producerId);
    expect([...media.consumersPerWorker().values()]).toEqual([1, 1]);
  });
});
