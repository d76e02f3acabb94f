import { describe, expect, it } from 'vitest';
import { call, connect, ok, tokenOf, type TestSocket } from './support/client.js';
import { serverPerTest } from './support/session.js';

const listing = {
  type: 'twelveStep',
  expect: '',
  camerasOptional: true,
  contribution: '',
  location: '',
} as const;

/** The lobby switched from the room's settings: who waits, and the public list that needs it. */
describe('the lobby, on and off from the room', () => {
  const t = serverPerTest();
  const sockets: TestSocket[] = [];

  async function arrive(port: number, link: string, name: string) {
    const socket = connect(port);
    sockets.push(socket);
    const joined = await ok(socket, 'room:join', {
      token: tokenOf(link),
      name,
      accept: true,
      declarationVersion: 1,
      e2ee: true,
    });
    return joined.status;
  }
  const feed = async (port: number) =>
    (await (await fetch(`http://127.0.0.1:${port}/meetings.json`)).json()) as unknown[];

  it('a facilitator turns it off and on; newcomers then enter or wait; a listed group leaves the list without it', async () => {
    const srv = await t.start();
    const { g, fran, ana } = await t.seated(
      { facilitators: ['Fran'], members: ['Ana'] },
      { lobby: false, listed: true, listing },
    );
    try {
      expect((await ok(fran.socket, 'meeting:settings', {})).lobby).toBe(false);
      expect(await feed(srv.port)).toEqual([]);
      // A member cannot change it (nor any setting).
      expect(await call(ana.socket, 'meeting:settings', { lobby: true })).toEqual({
        ok: false,
        error: 'FORBIDDEN',
      });
      expect(await call(fran.socket, 'meeting:settings', { lobby: 'yes' } as never)).toEqual({
        ok: false,
        error: 'BAD_REQUEST',
      });

      expect((await ok(fran.socket, 'meeting:settings', { lobby: true })).lobby).toBe(true);
      expect(await arrive(srv.port, g.links.member, 'Ben')).toBe('waiting');
      expect(await feed(srv.port)).toHaveLength(1);

      expect((await ok(fran.socket, 'meeting:settings', { lobby: false })).lobby).toBe(false);
      expect(await arrive(srv.port, g.links.member, 'Cleo')).toBe('admitted');
      expect(await feed(srv.port)).toEqual([]);
    } finally {
      for (const s of sockets.splice(0)) s.close();
    }
  });
});
