import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { mediaViews, opus, publishMic } from './support/media.js';
import { freePort, waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

describe('media through a real mediasoup worker', () => {
  let srv: RunningServer;
  let g: Awaited<ReturnType<typeof createGroup>>;
  let fac: Joined, ana: Joined, ben: Joined, obi: Joined;
  let facMedia: ReturnType<typeof mediaViews>;

  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    process.env.CIRCLE_MEDIA_PORT = String(await freePort());
    srv = await inProcess({ media: true });
    expect(srv.media).toBeDefined();
    g = await createGroup(srv.port);
    fac = await joinAs(srv.port, g.links.facilitator, 'Fran');
    facMedia = mediaViews(fac);
    ana = await joinAs(srv.port, g.links.member, 'Ana');
    ben = await joinAs(srv.port, g.links.member, 'Ben');
    obi = await joinAs(srv.port, g.links.observer, 'Obi');
  });
  afterAll(async () => {
    for (const j of [fac, ana, ben, obi]) j.socket.close();
    await srv.close();
  });

  it('refuses to let an observer publish, whatever the client sends', async () => {
    await ok(obi.socket, 'media:join', {});
    const t = await ok(obi.socket, 'media:transport', { direction: 'send' });
    const ack = await call(obi.socket, 'media:produce', {
      transportId: t.id,
      kind: 'audio',
      source: 'mic',
      rtpParameters: opus(1),
    });
    expect(ack).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await call(obi.socket, 'media:resume', { source: 'mic' })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
  });

  it("refuses to act on someone else's transport, producer or consumer, and bad parameters", async () => {
    const mic = await publishMic(ana, 1001);
    await ok(ben.socket, 'media:join', {});
    expect(
      await call(ben.socket, 'media:produce', {
        transportId: mic.transportId,
        kind: 'audio',
        source: 'mic',
        rtpParameters: opus(2),
      }),
    ).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await call(ben.socket, 'media:restartIce', { transportId: mic.transportId })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    const benSend = await ok(ben.socket, 'media:transport', { direction: 'send' });
    // A camera track claiming to be the microphone, and nonsense codecs, are refused.
    expect(
      await call(ben.socket, 'media:produce', {
        transportId: benSend.id,
        kind: 'video',
        source: 'mic',
        rtpParameters: opus(3),
      }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
    const bogus = { ...opus(4), codecs: [{ mimeType: 'audio/nonsense', payloadType: 100, clockRate: 8000 }] };
    expect(
      await call(ben.socket, 'media:produce', {
        transportId: benSend.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: bogus,
      }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(
      await call(ben.socket, 'media:connect', {
        transportId: benSend.id,
        dtlsParameters: { fingerprints: [] },
      }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
    // Nobody consumes their own voice; a consumer id of another connection is unknown.
    const { routerRtpCapabilities } = await ok(ana.socket, 'media:join', {});
    await ok(ana.socket, 'media:transport', { direction: 'recv' });
    expect(
      await call(ana.socket, 'media:consume', {
        producerId: mic.producerId,
        rtpCapabilities: routerRtpCapabilities,
      }),
    ).toEqual({ ok: false, error: 'CONFLICT' });
    await ok(ben.socket, 'media:transport', { direction: 'recv' });
    const consumer = await ok(ben.socket, 'media:consume', {
      producerId: mic.producerId,
      rtpCapabilities: routerRtpCapabilities,
    });
    expect(consumer).toMatchObject({ pid: ana.pid, source: 'mic', kind: 'audio' });
    expect(await call(ana.socket, 'media:consumerResume', { consumerId: consumer.consumerId })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    // A member cannot hold someone else's microphone.
    expect(await call(ben.socket, 'media:mute', { pid: ana.pid })).toEqual({ ok: false, error: 'FORBIDDEN' });
  });

  it('caps each person at one microphone: a second one replaces the first', async () => {
    const second = await publishMic(ana, 1002);
    await waitUntil(() => facMedia()?.tracks.filter((t) => t.pid === ana.pid).length === 1);
    expect(facMedia()!.tracks.find((t) => t.pid === ana.pid)!.producerId).toBe(second.producerId);
  });

  it('holds a microphone muted by a facilitator until released', async () => {
    const anaMic = () => facMedia()?.tracks.find((t) => t.pid === ana.pid && t.source === 'mic');
    await waitUntil(() => anaMic()?.paused === false, 5_000, 'Ana live');
    await ok(fac.socket, 'media:mute', { pid: ana.pid });
    await waitUntil(() => anaMic()?.paused === true && facMedia()!.held.includes(ana.pid), 5_000, 'Ana held');
    expect(await call(ana.socket, 'media:resume', { source: 'mic' })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    await ok(fac.socket, 'media:release', { pid: ana.pid });
    await waitUntil(() => anaMic()?.paused === false, 5_000, 'Ana released');
    // Muting herself and unmuting is hers to do.
    await ok(ana.socket, 'media:pause', { source: 'mic' });
    await waitUntil(() => anaMic()?.paused === true);
    await ok(ana.socket, 'media:resume', { source: 'mic' });
    await waitUntil(() => anaMic()?.paused === false);
    // Mute all holds every member, not the facilitators.
    await ok(fac.socket, 'media:muteAll', {});
    await waitUntil(() => facMedia()!.held.includes(ana.pid) && facMedia()!.held.includes(ben.pid));
    expect(facMedia()!.held).not.toContain(fac.pid);
    await ok(fac.socket, 'media:release', {});
    await waitUntil(() => facMedia()!.held.length === 0);
  });

  it('in strict circle pauses everyone but the holder of the word, following the floor', async () => {
    const mic = facMedia()!.tracks.find((t) => t.pid === ana.pid)!;
    const { routerRtpCapabilities } = await ok(fac.socket, 'media:join', {});
    await ok(fac.socket, 'media:transport', { direction: 'recv' });
    const c = await ok(fac.socket, 'media:consume', {
      producerId: mic.producerId,
      rtpCapabilities: routerRtpCapabilities,
    });
    await ok(fac.socket, 'media:consumerResume', { consumerId: c.consumerId });
    const media = await srv.media!.existing(g.groupId)!;
    const paused = () => media.consumerStates(fac.socket.id!).find((s) => s.id === c.consumerId)?.paused;
    await waitUntil(() => paused() === false, 5_000, 'consumer live');

    await ok(fac.socket, 'media:strict', { on: true });
    await waitUntil(() => paused() === true, 5_000, 'Ana silenced by strict circle');
    await ok(fac.socket, 'floor:give', { pid: ana.pid });
    await waitUntil(() => paused() === false, 5_000, 'Ana heard while holding the word');
    await ok(fac.socket, 'floor:give', { pid: ben.pid });
    await waitUntil(() => paused() === true, 5_000, 'Ana silenced again');
    await ok(fac.socket, 'media:strict', { on: false });
    await waitUntil(() => paused() === false, 5_000, 'everyone heard again');
  });

  it('lets a facilitator and a member talk in a side room, heard only by each other', async () => {
    const anaMic = facMedia()!.tracks.find((t) => t.pid === ana.pid && t.source === 'mic')!;
    const { routerRtpCapabilities } = await ok(ben.socket, 'media:join', {});
    const c = await ok(ben.socket, 'media:consume', {
      producerId: anaMic.producerId,
      rtpCapabilities: routerRtpCapabilities,
    });
    await ok(ben.socket, 'media:consumerResume', { consumerId: c.consumerId });
    const media = await srv.media!.existing(g.groupId)!;
    const benHearsAna = () =>
      media.consumerStates(ben.socket.id!).find((s) => s.id === c.consumerId)?.paused === false;
    const franHearsAna = () => media.consumerStates(fac.socket.id!).some((s) => !s.paused);
    await waitUntil(benHearsAna, 5_000, 'Ben hears Ana');

    await ok(fac.socket, 'moderation:sideOpen', { pid: ana.pid });
    await waitUntil(() => !benHearsAna(), 5_000, 'Ben no longer hears Ana');
    // Ana is away from the circle but her microphone stays live for the side room.
    expect(facMedia()!.tracks.find((t) => t.producerId === anaMic.producerId)!.paused).toBe(false);
    expect(franHearsAna()).toBe(true);
    await ok(fac.socket, 'moderation:sideClose', { pid: ana.pid });
    await waitUntil(benHearsAna, 5_000, 'Ben hears Ana again');
  });

  it('replaces a killed worker and asks every client to set media up again', async () => {
    const [before] = srv.media!.workerPids();
    const restarted = new Promise<void>((r) => ana.socket.once('media:restart', () => r()));
    process.kill(before!, 'SIGKILL');
    await restarted;
    const [after] = srv.media!.workerPids();
    expect(after).not.toBe(before);
    const again = await publishMic(ana, 2001);
    await waitUntil(() => facMedia()?.tracks.some((t) => t.producerId === again.producerId) === true);
    expect(facMedia()!.tracks).toHaveLength(1);
  });
});
