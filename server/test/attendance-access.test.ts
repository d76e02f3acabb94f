import { describe, expect, it } from 'vitest';
import { createGroup, ok, tokenOf } from './support/client.js';
import { getAs } from './support/meeting.js';
import { serverPerTest } from './support/session.js';

/**
 * The attendance export as a facilitator's browser asks for it: the invitation token it came in with as a
 * bearer token and, once that link may have been replaced, the identity this browser holds in a header.
 */
function download(port: number, meetingId: string, token: string, identity?: string) {
  return fetch(`http://127.0.0.1:${port}/api/meetings/${meetingId}/attendance.csv`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(identity ? { 'x-circle-identity': identity } : {}),
    },
  });
}

describe('the attendance export after the facilitator link was replaced', () => {
  const t = serverPerTest();

  it('facilitators already inside keep downloading it, during and after the meeting; nobody else gains it', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const gus = await t.join(g.links.facilitator, 'Gus');
    const ana = await t.join(g.links.member, 'Ana');
    const old = tokenOf(g.links.facilitator);
    const meetingId = fran.view()!.meetingId;

    const replaced = await ok(fran.socket, 'invite:replace', { role: 'facilitator' });
    // The replacing facilitator's new link works as before.
    expect(
      (await getAs(srv.port, `/api/meetings/${meetingId}/attendance.csv`, tokenOf(replaced.link))).status,
    ).toBe(200);

    // Gus never saw the new link: his browser still holds the old one, and his identity.
    expect((await download(srv.port, meetingId, old, gus.identity)).status).toBe(200);
    expect((await download(srv.port, meetingId, old, fran.identity)).status).toBe(200);

    // The old link alone is what leaked: it opens nothing any more.
    expect((await download(srv.port, meetingId, old)).status).toBe(403);
    // Nor with a member's identity, nor with a member link and a facilitator's identity.
    expect((await download(srv.port, meetingId, old, ana.identity)).status).toBe(403);
    expect((await download(srv.port, meetingId, tokenOf(g.links.member), gus.identity)).status).toBe(403);
    expect((await download(srv.port, meetingId, old, 'not-an-identity')).status).toBe(403);

    // After the meeting closed (the room is gone), Gus still gets the meeting he facilitated.
    await ok(fran.socket, 'meeting:close', {});
    const after = await download(srv.port, meetingId, old, gus.identity);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Gus');
  });

  it('the old link and a facilitator identity open only meetings that identity facilitated', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const other = await createGroup(srv.port, { name: 'Other circle' });
    const fran = await t.join(g.links.facilitator, 'Fran');
    const first = fran.view()!.meetingId;
    await ok(fran.socket, 'meeting:close', {});
    fran.socket.close();

    // Hal facilitates the next meeting only.
    const hal = await t.join(g.links.facilitator, 'Hal');
    const second = hal.view()!.meetingId;
    expect(second).not.toBe(first);
    await ok(hal.socket, 'invite:replace', { role: 'facilitator' });
    const old = tokenOf(g.links.facilitator);
    expect((await download(srv.port, second, old, hal.identity)).status).toBe(200);
    expect((await download(srv.port, first, old, hal.identity)).status).toBe(403);
    // Another group's replaced facilitator link does not open this group's meetings with Hal's identity.
    const elsewhere = await t.join(other.links.facilitator, 'Fran');
    await ok(elsewhere.socket, 'invite:replace', { role: 'facilitator' });
    expect((await download(srv.port, second, tokenOf(other.links.facilitator), hal.identity)).status).toBe(
      403,
    );
  });
});
