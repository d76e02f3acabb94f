import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, connect, createGroup, ok, tokenOf } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

describe('joining, the lobby and seats', () => {
  let srv: RunningServer;
  const { start, join } = serverPerTest();

  it('holds members in the lobby until a facilitator admits one, then all', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: true });
    const fac = await join(g.links.facilitator, 'Fran');
    const lobby: { pid: string; name: string }[][] = [];
    fac.socket.on('room:lobby', (l) => lobby.push(l));
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    const cy = await join(g.links.member, 'Cy');
    expect(await call(ana.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'NOT_ADMITTED' });
    await waitUntil(() => lobby.at(-1)?.length === 3);
    expect(lobby.at(-1)!.map((e) => e.name)).toEqual(['Ana', 'Ben', 'Cy']);
    expect(fac.view()!.participants.map((p) => p.name)).toEqual(['Fran']);
    expect(ana.view()).toBeNull(); // waiting members see nothing of the room

    const admitted = new Promise((r) => ana.socket.once('room:admitted', r));
    await ok(fac.socket, 'lobby:admit', { pid: ana.pid });
    await admitted;
    expect(ana.view()!.floor.seats).toEqual([fac.pid, ana.pid]);
    await ok(ana.socket, 'floor:raise', {});

    expect(await ok(fac.socket, 'lobby:admitAll', {})).toEqual({ admitted: 2 });
    await waitUntil(() => ben.view() !== null && cy.view() !== null);
    expect(fac.view()!.floor.seats).toEqual([fac.pid, ana.pid, ben.pid, cy.pid]);
    expect(lobby.at(-1)).toEqual([]);
  });

  it('makes two tabs of one person a single participant', async () => {
    srv = await start();
    const g = await createGroup(srv.port);
    const fac = await join(g.links.facilitator, 'Fran');
    const tab1 = await join(g.links.member, 'Ana');
    const tab2 = await join(g.links.member, 'Ana', tab1.identity);
    expect(tab2.pid).toBe(tab1.pid);
    await waitUntil(() => fac.view()!.seq >= 3);
    expect(fac.view()!.participants.filter((p) => p.name === 'Ana')).toHaveLength(1);
    // Closing one tab keeps the person online: the other tab still speaks for them.
    tab1.socket.close();
    await new Promise((r) => setTimeout(r, 150));
    expect(fac.view()!.participants.find((p) => p.pid === tab1.pid)!.online).toBe(true);
    await ok(tab2.socket, 'floor:raise', {});
  });

  it('recognises a returning person by their identity, and forgets an erased one', async () => {
    srv = await start();
    const g = await createGroup(srv.port);
    const fac = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    ana.socket.close();
    const again = await join(g.links.member, 'Ana', ana.identity);
    expect(again.pid).toBe(ana.pid);
    const closed = new Promise((r) => again.socket.once('room:closed', r));
    await ok(again.socket, 'identity:erase', {});
    expect(await closed).toBe('erased');
    await waitUntil(() => !fac.view()!.participants.some((p) => p.pid === ana.pid));
    const fresh = await join(g.links.member, 'Ana', ana.identity);
    expect(fresh.pid).not.toBe(ana.pid);
    // A signed identity of another group is not accepted here either.
    const other = await createGroup(srv.port);
    const stranger = await join(other.links.member, 'Zed', ana.identity);
    expect(stranger.pid).not.toBe(ana.pid);
  });

  it('refuses a role change through another link and members beyond capacity', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { capacity: 2 });
    const fac = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const s = connect(srv.port);
    expect(
      await call(s, 'room:join', {
        token: tokenOf(g.links.facilitator),
        name: 'Ana',
        accept: true,
        declarationVersion: 1,
        identity: ana.identity,
      }),
    ).toEqual({ ok: false, error: 'CONFLICT' });
    await join(g.links.member, 'Ben');
    expect(
      await call(s, 'room:join', {
        token: tokenOf(g.links.member),
        name: 'Cy',
        accept: true,
        declarationVersion: 1,
      }),
    ).toEqual({ ok: false, error: 'ROOM_FULL' });
    // Facilitators and observers are not counted against the members' capacity.
    await join(g.links.facilitator, 'Co');
    await join(g.links.observer, 'Obi');
    expect(fac.view()!.floor.seats).toHaveLength(4);
    s.close();
  });

  it('records each acceptance of the declaration and each arrival', async () => {
    srv = await start();
    const g = await createGroup(srv.port);
    const fac = await join(g.links.facilitator, 'Fran');
    await join(g.links.member, 'Ana');
    const meetingId = fac.view()!.meetingId;
    const declarations = await srv.store.read<{ name: string; version: number; meetingId: string }>(
      `group:${g.groupId}:declarations`,
    );
    expect(declarations.map((d) => [d.name, d.version, d.meetingId])).toEqual([
      ['Fran', 1, meetingId],
      ['Ana', 1, meetingId],
    ]);
    const attendance = await srv.store.read<{ name: string; type: string }>(
      `group:${g.groupId}:attendance:${meetingId}`,
    );
    expect(attendance.map((a) => `${a.name}:${a.type}`)).toEqual(['Fran:joined', 'Ana:joined']);
  });

  it('lets a facilitator reorder seats, and only with a permutation', async () => {
    srv = await start();
    const g = await createGroup(srv.port);
    const fac = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    await ok(fac.socket, 'seats:reorder', { order: [ben.pid, fac.pid, ana.pid] });
    await waitUntil(() => ana.view()!.floor.seats[0] === ben.pid);
    expect(await call(fac.socket, 'seats:reorder', { order: [ben.pid, fac.pid] })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
  });
});
