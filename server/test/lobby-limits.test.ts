import { LIMITS } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { call, connect, createGroup, ok, tokenOf, type TestSocket } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

/** Who may walk in, who waits, and how many: observers, the lobby's own cap, seats for the admitted only. */
describe('lobby and places', () => {
  const s = serverPerTest();
  const sockets: TestSocket[] = [];
  afterEach(() => {
    for (const x of sockets.splice(0)) x.close();
  });
  const knock = (port: number, link: string, name: string) => {
    const socket = connect(port);
    sockets.push(socket);
    return call(socket, 'room:join', { token: tokenOf(link), name, accept: true, declarationVersion: 1 });
  };

  it('observers wait in the lobby like members, and the facilitators see them knock', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { lobby: true });
    const fran = await s.join(g.links.facilitator, 'Fran');
    const lobby = new Promise<string[]>((r) =>
      fran.socket.on('room:lobby', (l) => l.length && r(l.map((e) => e.name))),
    );
    const res = await knock(srv.port, g.links.observer, 'Olga');
    expect(res).toMatchObject({ ok: true, data: { status: 'waiting' } });
    expect(await lobby).toEqual(['Olga']);
    expect(fran.view()!.participants.map((p) => p.name)).toEqual(['Fran']);
  });

  it('observers count against the group observer limit (default 4)', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port);
    await s.join(g.links.facilitator, 'Fran');
    for (let i = 0; i < LIMITS.observersDefault; i++)
      expect((await knock(srv.port, g.links.observer, `O${i}`)).ok).toBe(true);
    expect(await knock(srv.port, g.links.observer, 'One too many')).toEqual({
      ok: false,
      error: 'ROOM_FULL',
    });
  });

  it('waiting holds no seat; admitting needs one; Admit all lets in whoever fits', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { lobby: true, capacity: 2 });
    const fran = await s.join(g.links.facilitator, 'Fran');
    const waiting = [];
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const r = await knock(srv.port, g.links.member, name);
      expect(r).toMatchObject({ ok: true, data: { status: 'waiting' } });
      if (r.ok) waiting.push(r.data.pid);
    }
    expect(await ok(fran.socket, 'lobby:admitAll', {})).toEqual({ admitted: 2 });
    expect(await call(fran.socket, 'lobby:admit', { pid: waiting[2] })).toEqual({
      ok: false,
      error: 'ROOM_FULL',
    });
  });

  it('the lobby has its own cap', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { lobby: true });
    await s.join(g.links.facilitator, 'Fran');
    for (let i = 0; i < LIMITS.lobbyMax; i++)
      expect((await knock(srv.port, g.links.member, `M${i}`)).ok).toBe(true);
    expect(await knock(srv.port, g.links.member, 'Late')).toEqual({ ok: false, error: 'ROOM_FULL' });
  });

  it('someone who leaves the lobby is gone from it at once: nobody admits a ghost', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { lobby: true });
    const fran = await s.join(g.links.facilitator, 'Fran');
    const lobbies: string[][] = [];
    fran.socket.on('room:lobby', (l) => lobbies.push(l.map((e) => e.name)));
    const socket = connect(srv.port);
    const res = await call(socket, 'room:join', {
      token: tokenOf(g.links.member),
      name: 'Ana',
      accept: true,
      declarationVersion: 1,
    });
    expect(res).toMatchObject({ ok: true, data: { status: 'waiting' } });
    await waitUntil(() => lobbies.at(-1)?.includes('Ana') === true);
    socket.close();
    await waitUntil(() => lobbies.at(-1)?.length === 0);
    if (res.ok)
      expect(await call(fran.socket, 'lobby:admit', { pid: res.data.pid })).toEqual({
        ok: false,
        error: 'NOT_FOUND',
      });
    expect(fran.view()!.participants.map((p) => p.name)).toEqual(['Fran']);
  });
});
