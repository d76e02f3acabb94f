import type { ActionEntry, FacilitatorView } from '@circle/shared';
import { COMMANDS } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { barrier, call, connect, createGroup, joinAs, ok, tokenOf, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/** Disruptions, lightest first: nudge, back to the lobby, removal, lock; and the facilitators' shared view. */
describe('facilitation: moderation', () => {
  let srv: RunningServer;
  const open: Joined[] = [];
  const join = async (link: string, name: string, identity?: string) => {
    const j = await joinAs(srv.port, link, name, identity);
    open.push(j);
    return j;
  };
  const joinCall = (link: string, name: string, identity?: string) => {
    const s = connect(srv.port);
    open.push({ socket: s, pid: '', identity: '', view: () => null, history: [] });
    return call(s, 'room:join', {
      token: tokenOf(link),
      name,
      accept: true,
      declarationVersion: 1,
      identity,
    });
  };
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv.close();
  });

  it('removal cannot be bypassed by a new socket with the same identity; a fresh identity waits in the lobby', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port); // no lobby
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const removed = new Promise<{ fromGroup: boolean }>((r) => ana.socket.once('moderation:removed', r));
    await ok(fran.socket, 'moderation:remove', { pid: ana.pid });
    expect(await removed).toEqual({ fromGroup: false });
    await waitUntil(() => !fran.view()!.participants.some((p) => p.pid === ana.pid));
    expect(fran.view()!.floor.seats).toEqual([fran.pid]);

    // The old connection no longer speaks for anyone, and cannot join again.
    expect(await call(ana.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'NOT_JOINED' });
    const again = { token: tokenOf(g.links.member), name: 'Ana', accept: true, declarationVersion: 1 };
    expect(await call(ana.socket, 'room:join', { ...again, identity: ana.identity })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    // A new socket (a reload, another tab) with the same identity is refused too.
    expect(await joinCall(g.links.member, 'Ana', ana.identity)).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await joinCall(g.links.member, 'Someone else', ana.identity)).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });

    // A fresh identity (the member link is shared) lands in the lobby although the group has none.
    const lobby: string[][] = [];
    fran.socket.on('room:lobby', (l) => lobby.push(l.map((e) => e.name)));
    const fresh = await joinCall(g.links.member, 'Newcomer');
    expect(fresh.ok && fresh.data.status).toBe('waiting');
    await waitUntil(() => lobby.at(-1)?.includes('Newcomer') === true);
    // Observers too; a co-facilitator still walks in.
    expect(await joinCall(g.links.observer, 'Obi')).toMatchObject({ ok: true, data: { status: 'waiting' } });
    expect(await joinCall(g.links.facilitator, 'Co')).toMatchObject({
      ok: true,
      data: { status: 'admitted' },
    });
  });

  it('removal survives a restart of the room (it is in the record before the ack)', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    await ok(fran.socket, 'moderation:remove', { pid: ana.pid });
    const stored = await srv.store.get<{ meeting: { removed: string[]; lobbyForced: boolean } }>(
      `group:${g.groupId}:room`,
    );
    expect(stored?.meeting).toMatchObject({ removed: [ana.pid], lobbyForced: true });
  });

  it('sends a member back to the lobby with a message, and lets them be admitted again', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    await ok(ana.socket, 'floor:raise', {});
    const sent = new Promise<{ message: string }>((r) => ana.socket.once('moderation:sentToLobby', r));
    await ok(fran.socket, 'moderation:toLobby', {
      pid: ana.pid,
      message: 'Take a moment, we will let you back in.',
    });
    expect((await sent).message).toBe('Take a moment, we will let you back in.');
    await waitUntil(() => fran.view()!.lobbyCount === 1);
    expect(fran.view()!.floor.seats).toEqual([fran.pid]);
    expect(fran.view()!.floor.queue).toEqual([]);
    expect(await call(ana.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'NOT_ADMITTED' });
    // While waiting they no longer get anything of the room (and keep nothing of it).
    expect(ana.view()).toBeNull();
    const heard: string[] = [];
    ana.socket.onAny((event: string) => heard.push(event));
    await ok(fran.socket, 'floor:round', {});
    await barrier(fran.socket);
    await barrier(ana.socket);
    expect(heard.filter((e) => e.startsWith('room:'))).toEqual([]);
    ana.socket.offAny();

    const admitted = new Promise((r) => ana.socket.once('room:admitted', r));
    await ok(fran.socket, 'lobby:admit', { pid: ana.pid });
    await admitted;
    expect(ana.view()!.floor.seats).toEqual([fran.pid, ana.pid]);
    await ok(ana.socket, 'floor:raise', {});
  });

  it('lock: nobody new enters, knockers wait in the lobby, people already in come back', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    await ok(fran.socket, 'meeting:lock', { on: true });
    await waitUntil(() => fran.view()!.meeting.locked);
    expect(await joinCall(g.links.member, 'Ben')).toMatchObject({ ok: true, data: { status: 'waiting' } });
    expect(await joinCall(g.links.observer, 'Obi')).toMatchObject({ ok: true, data: { status: 'waiting' } });
    await waitUntil(() => fran.view()!.lobbyCount === 2);
    // Ana, already in, reloads: she is still in.
    ana.socket.close();
    const back = await join(g.links.member, 'Ana', ana.identity);
    await waitUntil(() => back.view() !== null);
    expect(back.view()!.floor.seats).toContain(ana.pid);
    // The lock is in the record, so it holds after a restart.
    const stored = await srv.store.get<{ meeting: { locked: boolean } }>(`group:${g.groupId}:room`);
    expect(stored?.meeting.locked).toBe(true);
    await ok(fran.socket, 'meeting:lock', { on: false });
    expect(await joinCall(g.links.member, 'Cy')).toMatchObject({ ok: true, data: { status: 'admitted' } });
  });

  it('nudges one member only, and facilitators cannot act on each other', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const co = await join(g.links.facilitator, 'Co');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    const benGot: unknown[] = [];
    ben.socket.on('moderation:nudged', (n) => benGot.push(n));
    const nudged = () => new Promise<unknown>((r) => ana.socket.once('moderation:nudged', r));
    let next = nudged();
    await ok(fran.socket, 'moderation:nudge', { pid: ana.pid, text: 'Take your time, Ana' });
    expect(await next).toMatchObject({ text: 'Take your time, Ana' });
    // A preset goes as its code: Ana's client words it in her language.
    next = nudged();
    await ok(fran.socket, 'moderation:nudge', { pid: ana.pid, preset: 'share' });
    expect(await next).toEqual({ preset: 'share', at: expect.any(Number) });
    for (const both of [{}, { text: 'x', preset: 'share' }, { preset: 'shout' }])
      expect(await call(fran.socket, 'moderation:nudge', { pid: ana.pid, ...both } as never)).toEqual({
        ok: false,
        error: 'BAD_REQUEST',
      });
    await call(ben.socket, 'chat:history', {}); // a round trip: a nudge to Ben would have arrived by now
    expect(benGot).toEqual([]);
    // Each tool with a payload its schema accepts, aimed at the co-facilitator: the permission refuses it.
    const tools = [
      'moderation:nudge',
      'moderation:toLobby',
      'moderation:remove',
      'moderation:removeFromGroup',
      'moderation:sideOpen',
    ] as const;
    for (const event of tools)
      expect([event, await call(fran.socket, event, { ...COMMANDS[event].example, pid: co.pid })]).toEqual([
        event,
        { ok: false, error: 'FORBIDDEN' },
      ]);
    await call(fran.socket, 'chat:history', {}); // a round trip: a change would have reached Fran by now
    expect(fran.view()!.participants.map((p) => p.pid)).toContain(co.pid);
    expect(await call(fran.socket, 'moderation:remove', { pid: 'nobody' })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
  });

  it('shows both facilitators what the other did, support requests and side rooms, and none of it to members', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port);
    const fran = await join(g.links.facilitator, 'Fran');
    const co = await join(g.links.facilitator, 'Co');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    let coView: FacilitatorView | null = null;
    co.socket.on('moderation:state', (v) => (coView = v));
    // Each facilitator action arrives as one line of the log, not the whole view again.
    const coLog: ActionEntry[] = [];
    co.socket.on('moderation:logged', (e) => coLog.push(e));
    const memberSaw: unknown[] = [];
    ana.socket.on('moderation:state', (v) => memberSaw.push(v));
    ana.socket.on('moderation:logged', (e) => memberSaw.push(e));

    await ok(fran.socket, 'floor:give', { pid: ben.pid });
    await ok(fran.socket, 'moderation:nudge', { pid: ben.pid, text: 'A gentle note' });
    await waitUntil(() => coLog.length >= 2);
    expect(coLog.map((e) => [e.byName, e.event, e.targetName])).toEqual([
      ['Fran', 'floor:give', 'Ben'],
      ['Fran', 'moderation:nudge', 'Ben'],
    ]);
    expect(JSON.stringify(coLog)).not.toContain('A gentle note');
    // Asked afresh, the view holds the same lines.
    const asked = await ok(co.socket, 'moderation:view', {});
    expect(asked.log.map((e) => e.id)).toEqual(coLog.map((e) => e.id));

    await ok(ana.socket, 'care:support', { on: true });
    await waitUntil(() => coView?.support.some((s) => s.pid === ana.pid) === true);
    // The room snapshot everyone gets says nothing of it.
    expect(JSON.stringify(ben.view())).not.toMatch(/"support"|"sideRooms"/);

    expect((await ok(ana.socket, 'chat:history', {})).supportAsked).toBe(true);
    // One click from the flag: a side room; Ana leaves the circle for a while and her flag is handled.
    const told = new Promise((r) => ana.socket.once('moderation:sideRoom', r));
    await ok(co.socket, 'moderation:sideOpen', { pid: ana.pid });
    expect(await told).toMatchObject({ pid: ana.pid, facilitator: co.pid });
    expect((await ok(ana.socket, 'chat:history', {})).sideRoom).toMatchObject({ facilitator: co.pid });
    expect((await ok(ben.socket, 'chat:history', {})).sideRoom).toBeNull();
    await waitUntil(() => coView?.sideRooms.length === 1);
    expect(coView!.sideRooms[0]).toMatchObject({ pid: ana.pid, facilitator: co.pid });
    expect(coView!.support).toEqual([]);
    expect(fran.view()!.floor.presence[ana.pid]).toBe('away');
    expect(fran.view()!.floor.presence[co.pid]).toBe('away');
    expect(await call(fran.socket, 'moderation:sideOpen', { pid: ana.pid })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });
    const ended = new Promise((r) => ana.socket.once('moderation:sideRoom', r));
    await ok(fran.socket, 'moderation:sideClose', { pid: ana.pid });
    expect(await ended).toBeNull();
    await waitUntil(() => coView?.sideRooms.length === 0);
    expect(fran.view()!.floor.presence[ana.pid]).toBe('here');
    expect(fran.view()!.floor.presence[co.pid]).toBe('here');
    expect(memberSaw).toEqual([]);
    expect(await call(ana.socket, 'moderation:view', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
  });
});
