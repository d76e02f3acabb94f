import type { Celebration, CelebrationAnnounced } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { barrier, call, joinAs, ok, seatedGroup, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/** Celebrations: told to the facilitators privately; announced to the room only with the member's yes. */
describe('celebrations', () => {
  let srv: RunningServer;
  const open: Joined[] = [];
  const join = async (link: string, name: string) => {
    const j = await joinAs(srv.port, link, name);
    open.push(j);
    return j;
  };
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv.close();
  });

  /** Fran facilitates; Ana celebrates; Ben, another member, records everything his connection receives. */
  async function circle() {
    srv = await inProcess({ rateLimitPerSec: 1000 });
    const seated = await seatedGroup(
      srv.port,
      { facilitators: ['Fran'], members: ['Ana', 'Ben'], observers: ['Olga'] },
      {},
      join,
    );
    const benGot: { event: string; data: unknown }[] = [];
    seated.ben.socket.onAny((event: string, data: unknown) => benGot.push({ event, data }));
    const states: Celebration[][] = [];
    seated.fran.socket.on('celebrate:state', (s) => states.push(s));
    const celebrationEvents = () => benGot.filter((e) => e.event.startsWith('celebrate:'));
    return { ...seated, benGot, states, celebrationEvents };
  }

  it('another member never receives a milestone told to the facilitators, by event or by asking', async () => {
    const { fran, ana, ben, benGot, states } = await circle();
    await ok(ana.socket, 'celebrate:tell', { amount: 90, unit: 'days', announce: false });
    await waitUntil(() => states.at(-1)?.length === 1);
    expect(states.at(-1)![0]).toMatchObject({
      pid: ana.pid,
      name: 'Ana',
      amount: 90,
      unit: 'days',
      announce: false,
    });
    expect(await ok(fran.socket, 'celebrate:list', {})).toHaveLength(1);

    // The attack from a member's socket: ask for the list, acknowledge or announce it.
    expect(await call(ben.socket, 'celebrate:list', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    for (const announce of [false, true])
      expect(await call(ben.socket, 'celebrate:acknowledge', { pid: ana.pid, announce })).toEqual({
        ok: false,
        error: 'FORBIDDEN',
      });
    await barrier(ben.socket);
    const seen = JSON.stringify(benGot);
    expect(seen).not.toContain('celebrate:');
    expect(seen).not.toContain('"days"');
    expect(seen).not.toMatch(/"amount":90/);
    // Still there: nothing Ben did touched it.
    expect(await ok(fran.socket, 'celebrate:list', {})).toHaveLength(1);
  });

  it('a facilitator cannot announce what the member kept for the facilitators; a quiet acknowledgement reaches the member alone', async () => {
    const { fran, ana, ben, states, celebrationEvents } = await circle();
    await ok(ana.socket, 'celebrate:tell', { amount: 1, unit: 'years', announce: false });
    await waitUntil(() => states.at(-1)?.length === 1);
    expect(await call(fran.socket, 'celebrate:acknowledge', { pid: ana.pid, announce: true })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    const answer = new Promise((r) => ana.socket.once('celebrate:acknowledged', r));
    await ok(fran.socket, 'celebrate:acknowledge', { pid: ana.pid, announce: false });
    expect(await answer).toEqual({ announced: false });
    await waitUntil(() => states.at(-1)?.length === 0);
    // Acknowledged once: it is no longer waiting.
    expect(await call(fran.socket, 'celebrate:acknowledge', { pid: ana.pid, announce: false })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    await barrier(ben.socket);
    expect(celebrationEvents()).toEqual([]);
  });

  it('with the member’s yes, the announcement reaches the room when a facilitator chooses, naming only the milestone', async () => {
    const { fran, ana, ben, states, celebrationEvents } = await circle();
    await ok(ana.socket, 'celebrate:tell', { amount: 90, unit: 'days', announce: true });
    await waitUntil(() => states.at(-1)?.length === 1);
    // Allowed, but not announced yet: the room hears nothing until a facilitator chooses the moment.
    await barrier(ben.socket);
    expect(celebrationEvents()).toEqual([]);

    const heard = new Promise<CelebrationAnnounced>((r) => ben.socket.once('celebrate:announced', r));
    await ok(fran.socket, 'celebrate:acknowledge', { pid: ana.pid, announce: true });
    expect(await heard).toEqual({ name: 'Ana', amount: 90, unit: 'days' });
    await barrier(ben.socket);
    expect(celebrationEvents().map((e) => e.event)).toEqual(['celebrate:announced']);
  });

  it('bounded input gets a typed refusal; observers cannot tell; telling again replaces; withdrawing and leaving take it away', async () => {
    const { fran, ana, ben, olga, states } = await circle();
    for (const bad of [
      { amount: 0, unit: 'days', announce: false },
      { amount: 36_501, unit: 'days', announce: false },
      { amount: 1_201, unit: 'months', announce: false },
      { amount: 101, unit: 'years', announce: false },
      { amount: 1.5, unit: 'years', announce: false },
      { amount: 3, unit: 'weeks', announce: false },
      { amount: 3, unit: 'days' },
      { amount: 3, unit: 'days', announce: false, name: 'Someone else' },
    ])
      expect(await call(ana.socket, 'celebrate:tell', bad as never)).toEqual({
        ok: false,
        error: 'BAD_REQUEST',
      });
    expect(await call(olga.socket, 'celebrate:tell', { amount: 2, unit: 'days', announce: false })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(ana.socket, 'celebrate:withdraw', {})).toEqual({ ok: false, error: 'NOT_FOUND' });

    await ok(ana.socket, 'celebrate:tell', { amount: 36_500, unit: 'days', announce: false });
    await ok(ana.socket, 'celebrate:tell', { amount: 6, unit: 'months', announce: true });
    await ok(ben.socket, 'celebrate:tell', { amount: 30, unit: 'days', announce: false });
    await waitUntil(() => states.at(-1)?.length === 2);
    expect(states.at(-1)!.map((c) => [c.name, c.amount, c.unit])).toEqual([
      ['Ana', 6, 'months'],
      ['Ben', 30, 'days'],
    ]);
    await ok(ben.socket, 'celebrate:withdraw', {});
    await waitUntil(() => states.at(-1)?.length === 1);
    await ok(ana.socket, 'room:leave', {});
    await waitUntil(() => states.at(-1)?.length === 0);
    expect(await ok(fran.socket, 'celebrate:list', {})).toEqual([]);
  });
});
