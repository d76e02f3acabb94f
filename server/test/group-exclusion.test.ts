import type { MeetingClosed } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { call, connect, createGroup, ok, tokenOf } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

/** "Remove from the group": the last resort, lasting across meetings until a facilitator lets them back. */
describe('removing someone from the group', () => {
  const t = serverPerTest();

  it('refuses that identity at the next meeting, lists them for the facilitators, and lets them back in', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');
    const ben = await t.join(g.links.member, 'Ben');

    const removed = new Promise<{ fromGroup: boolean }>((r) => ana.socket.once('moderation:removed', r));
    await ok(fran.socket, 'moderation:removeFromGroup', { pid: ana.pid });
    // Told it is the group, not only this meeting.
    expect(await removed).toEqual({ fromGroup: true });
    // Removing from the group also removes from this meeting, by the same path as "Remove from this meeting".
    await waitUntil(() => !fran.view()!.participants.some((p) => p.pid === ana.pid));
    expect(await call(ana.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'NOT_JOINED' });
    expect(await ok(fran.socket, 'invite:excluded', {})).toEqual([
      { pid: ana.pid, name: 'Ana', since: expect.any(Number) },
    ]);

    // The meeting ends; at the next one Ana's identity is still refused, through any link.
    const closed = new Promise<MeetingClosed>((r) => fran.socket.once('meeting:closed', r));
    await ok(fran.socket, 'meeting:close', {});
    await closed;
    for (const link of [g.links.member, g.links.observer]) {
      const s = connect(srv.port);
      const ack = await call(s, 'room:join', {
        token: tokenOf(link),
        name: 'Ana',
        accept: true,
        declarationVersion: 1,
        identity: ana.identity,
      });
      s.close();
      // Its own code, so the person is told they were removed from the group, not only from one meeting.
      expect(ack).toEqual({ ok: false, error: 'EXCLUDED' });
    }

    const fran2 = await t.join(g.links.facilitator, 'Fran', fran.identity);
    expect(await ok(fran2.socket, 'invite:excluded', {})).toHaveLength(1);
    // Ben was not removed: he comes back as himself.
    expect((await t.join(g.links.member, 'Ben', ben.identity)).pid).toBe(ben.pid);

    await ok(fran2.socket, 'invite:letBack', { pid: ana.pid });
    expect(await ok(fran2.socket, 'invite:excluded', {})).toEqual([]);
    expect((await t.join(g.links.member, 'Ana', ana.identity)).pid).toBe(ana.pid);
    expect(await call(fran2.socket, 'invite:letBack', { pid: ana.pid })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
  });

  it('is for facilitators only, and never aimed at a facilitator', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const gus = await t.join(g.links.facilitator, 'Gus');
    const ana = await t.join(g.links.member, 'Ana');
    const ben = await t.join(g.links.member, 'Ben');
    expect(await call(ana.socket, 'moderation:removeFromGroup', { pid: ben.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(ana.socket, 'invite:excluded', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await call(ana.socket, 'invite:letBack', { pid: ben.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(fran.socket, 'moderation:removeFromGroup', { pid: gus.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await ok(fran.socket, 'invite:excluded', {})).toEqual([]);
  });
});
