import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.js';
import type { RunningServer } from '../src/server.js';
import { createGroup, ok } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

const WINDOW = 1_500;

describe('reconnecting', () => {
  let srv: RunningServer;
  const { start, join } = serverPerTest();

  it('gives back the seat, the queue place and the word with its remaining time within the window', async () => {
    const clock = new ManualClock();
    srv = await start({ reconnectWindowMs: WINDOW }, clock);
    const g = await createGroup(srv.port, { turnLimitSec: 60 });
    const fac = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    const cy = await join(g.links.member, 'Cy');
    await ok(ben.socket, 'floor:raise', {});
    await ok(cy.socket, 'floor:raise', {});
    await ok(fac.socket, 'floor:give', { pid: ana.pid });
    clock.advance(200);

    ana.socket.close();
    ben.socket.close();
    await waitUntil(() => fac.view()!.participants.find((p) => p.pid === ana.pid)?.online === false);
    const frozen = fac.view()!.floor.holder!;
    expect(frozen.pid).toBe(ana.pid);
    expect(frozen.runningSince).toBeNull(); // the turn clock stops while the holder is away
    expect(frozen.usedMs).toBe(200);
    // The queue keeps Ben's place; while offline he is passed over, not removed.
    expect(fac.view()!.floor.queue).toEqual([ben.pid, cy.pid]);
    clock.advance(WINDOW - 100); // the window is nearly over, not quite

    const ana2 = await join(g.links.member, 'Ana', ana.identity);
    const ben2 = await join(g.links.member, 'Ben', ben.identity);
    expect([ana2.pid, ben2.pid]).toEqual([ana.pid, ben.pid]);
    await waitUntil(() => ana2.view() !== null);
    const floor = ana2.view()!.floor;
    expect(floor.seats).toEqual([fac.pid, ana.pid, ben.pid, cy.pid]);
    expect(floor.queue).toEqual([ben.pid, cy.pid]);
    expect(floor.holder).toMatchObject({ pid: ana.pid, usedMs: frozen.usedMs });
    expect(floor.holder!.runningSince).not.toBeNull();

    // And the word goes on to Ben, first in line, when Ana is done.
    await ok(ana2.socket, 'floor:done', {});
    await waitUntil(() => fac.view()!.floor.holder?.pid === ben.pid);
  });

  it('treats someone who comes back after the window as a new arrival', async () => {
    const clock = new ManualClock();
    srv = await start({ reconnectWindowMs: WINDOW }, clock);
    const g = await createGroup(srv.port);
    const fac = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    await ok(ana.socket, 'floor:raise', {});
    ana.socket.close();
    await waitUntil(() => fac.view()!.participants.find((p) => p.pid === ana.pid)?.online === false);
    clock.advance(WINDOW);
    await waitUntil(() => !fac.view()!.floor.seats.includes(ana.pid), 3_000, 'Ana to lose her seat');
    expect(fac.view()!.floor.queue).toEqual([]);
    expect(fac.view()!.participants.some((p) => p.pid === ana.pid)).toBe(false);

    const back = await join(g.links.member, 'Ana', ana.identity);
    expect(back.pid).toBe(ana.pid); // still the same person for the group
    await waitUntil(() => fac.view()!.floor.seats.length === 3);
    expect(fac.view()!.floor.seats).toEqual([fac.pid, ben.pid, ana.pid]);
    expect(fac.view()!.floor.queue).toEqual([]);
    const meetingId = fac.view()!.meetingId;
    const attendance = await srv.store.read<{ name: string; type: string }>(
      `group:${g.groupId}:attendance:${meetingId}`,
    );
    expect(attendance.map((a) => `${a.name}:${a.type}`)).toEqual([
      'Fran:joined',
      'Ana:joined',
      'Ben:joined',
      'Ana:left',
      'Ana:joined',
    ]);
  });

  it('sends a late joiner the current snapshot', async () => {
    srv = await start();
    const g = await createGroup(srv.port);
    const fac = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    await ok(fac.socket, 'floor:round', { from: ana.pid });
    const late = await join(g.links.member, 'Ben');
    await waitUntil(() => late.view() !== null);
    expect(late.view()!.floor.holder?.pid).toBe(ana.pid);
    expect(late.view()!.floor.round?.order).toEqual([ana.pid, fac.pid]);
    expect(late.view()!.seq).toBe(fac.view()!.seq);
  });
});
