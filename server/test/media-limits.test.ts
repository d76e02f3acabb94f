import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { freePort } from './support/ports.js';
import { opus, vp8 } from './support/media.js';
import { inProcess } from './support/server.js';

describe('media cannot be used to escape a hold or exhaust the server', () => {
  let srv: RunningServer;
  let mediaPort: number;
  const everyone: Joined[] = [];
  const join = async (link: string, name: string, identity?: string) => {
    const j = await joinAs(srv.port, link, name, identity);
    everyone.push(j);
    await ok(j.socket, 'media:join', {});
    return j;
  };

  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    mediaPort = await freePort();
    process.env.CIRCLE_MEDIA_PORT = String(mediaPort);
    srv = await inProcess({ media: true });
    expect(srv.media).toBeDefined();
  });
  afterAll(async () => {
    for (const j of everyone) j.socket.close();
    await srv.close();
  });

  it('refuses a producer whose codecs do not match its kind: Opus published as a camera escapes no hold', async () => {
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    await ok(fran.socket, 'media:mute', { pid: ana.pid });
    const t = await ok(ana.socket, 'media:transport', { direction: 'send' });
    const produce = (kind: string, source: string, rtpParameters: unknown) =>
      call(ana.socket, 'media:produce', { transportId: t.id, kind, source, rtpParameters });
    expect(await produce('video', 'camera', opus(1))).toEqual({ ok: false, error: 'BAD_REQUEST' });
    // Mixed lists are refused too: every codec must be of the producer's kind.
    const mixed = { ...vp8(2), codecs: [...vp8(2).codecs, ...opus(2).codecs] };
    expect(await produce('video', 'camera', mixed)).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(await produce('audio', 'mic', vp8(3))).toEqual({ ok: false, error: 'BAD_REQUEST' });
    // What matches is accepted.
    expect(await produce('video', 'camera', vp8(4))).toMatchObject({ ok: true });
  });

  it("puts every transport on the worker's one UDP and one TCP port", async () => {
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const obi = await join(g.links.observer, 'Obi');
    const transports = [
      await ok(fran.socket, 'media:transport', { direction: 'send' }),
      await ok(fran.socket, 'media:transport', { direction: 'recv' }),
      await ok(obi.socket, 'media:transport', { direction: 'recv' }),
    ];
    const candidates = transports.flatMap(
      (t) => t.iceCandidates as { protocol: 'udp' | 'tcp'; port: number; tcpType?: string }[],
    );
    expect(new Set(candidates.map((c) => c.protocol))).toEqual(new Set(['udp', 'tcp']));
    expect(new Set(candidates.map((c) => c.port))).toEqual(new Set([mediaPort]));
  });

  it('caps the transports of one person, however many tabs they open', async () => {
    const g = await createGroup(srv.port);
    await join(g.links.facilitator, 'Fran');
    const tab1 = await join(g.links.member, 'Ana');
    const tabs = [tab1, await join(g.links.member, 'Ana', tab1.identity)];
    for (const tab of tabs)
      for (const direction of ['send', 'recv'])
        expect(await call(tab.socket, 'media:transport', { direction })).toMatchObject({ ok: true });
    const tab3 = await join(g.links.member, 'Ana', tab1.identity);
    expect(tab3.pid).toBe(tab1.pid);
    expect(await call(tab3.socket, 'media:transport', { direction: 'recv' })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });
    // Asking again on a tab replaces its own transport: that is not refused.
    expect(await call(tab1.socket, 'media:transport', { direction: 'recv' })).toMatchObject({ ok: true });
    // A tab that closes frees its transports for another.
    tabs[1]!.socket.close();
    await expect
      .poll(async () => (await call(tab3.socket, 'media:transport', { direction: 'recv' })).ok)
      .toBe(true);
  });

  it('caps the transports of a room, so a few people with many tabs cannot exhaust the worker', async () => {
    const g = await createGroup(srv.port, { capacity: 2 });
    const links = [g.links.facilitator, g.links.member, g.links.member];
    for (let i = 0; i < 12; i++) links.push(g.links.observer);
    let granted = 0;
    let refusal: unknown = null;
    // Each person opens two tabs, each with a send and a receive transport (their own cap allows it).
    people: for (const [i, link] of links.entries()) {
      const first = await join(link, `P${i}`);
      for (const tab of [first, await join(link, `P${i}`, first.identity)])
        for (const direction of ['send', 'recv']) {
          const ack = await call(tab.socket, 'media:transport', { direction });
          if (!ack.ok) {
            refusal = ack;
            break people;
          }
          granted++;
        }
    }
    expect(refusal).toEqual({ ok: false, error: 'ROOM_FULL' });
    expect(granted).toBeLessThan(links.length * 4);
  });
});
