import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { barrier, call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { freePort } from './support/ports.js';
import { mediaViews, vp8 } from './support/media.js';
import { inProcess } from './support/server.js';

describe('sharing a screen: facilitators may, members only when a facilitator allows it', () => {
  let srv: RunningServer;
  const everyone: Joined[] = [];
  const join = async (link: string, name: string) => {
    const j = await joinAs(srv.port, link, name);
    everyone.push(j);
    await ok(j.socket, 'media:join', {});
    return j;
  };
  const shareScreen = async (j: Joined, ssrc: number) => {
    const t = await ok(j.socket, 'media:transport', { direction: 'send' });
    return call(j.socket, 'media:produce', {
      transportId: t.id,
      kind: 'video',
      source: 'screen',
      rtpParameters: vp8(ssrc),
    });
  };

  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    process.env.CIRCLE_MEDIA_PORT = String(await freePort());
    srv = await inProcess({ media: true });
    expect(srv.media).toBeDefined();
  });
  afterAll(async () => {
    for (const j of everyone) j.socket.close();
    await srv.close();
  });

  it("refuses a member's screen unless a facilitator allowed it, and stops it when the permission goes", async () => {
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const anaSees = mediaViews(ana);

    expect(await shareScreen(ana, 11)).toEqual({ ok: false, error: 'FORBIDDEN' });
    // A member cannot give themselves the permission.
    expect(await call(ana.socket, 'media:memberScreens', { on: true })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await shareScreen(ana, 12)).toEqual({ ok: false, error: 'FORBIDDEN' });

    // A facilitator shares without asking anyone; everyone's picture shows the screen.
    const franScreen = await shareScreen(fran, 13);
    expect(franScreen).toMatchObject({ ok: true });
    await barrier(ana.socket);
    expect(
      anaSees()
        ?.tracks.filter((t) => t.source === 'screen')
        .map((t) => t.pid),
    ).toEqual([fran.pid]);

    await ok(fran.socket, 'media:memberScreens', { on: true });
    await barrier(ana.socket);
    expect(anaSees()?.membersMayShare).toBe(true);
    expect(await shareScreen(ana, 14)).toMatchObject({ ok: true });

    // Taking the permission back stops the member's screen on the server, not only on their page.
    await ok(fran.socket, 'media:memberScreens', { on: false });
    await barrier(ana.socket);
    const screens = anaSees()
      ?.tracks.filter((t) => t.source === 'screen')
      .map((t) => t.pid);
    expect(screens).toEqual([fran.pid]);
    expect(anaSees()?.membersMayShare).toBe(false);
    expect(await shareScreen(ana, 15)).toEqual({ ok: false, error: 'FORBIDDEN' });
  });
});
