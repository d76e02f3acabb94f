import { PROTOCOL_VERSION } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  barrier,
  connect,
  createGroup,
  joinAs,
  ok,
  tokenOf,
  type Joined,
  type TestSocket,
} from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

/**
 * Attacks from outside on "nothing reaches a person once they are out of the meeting": a removed or
 * lobbied member who reconnects with Socket.IO's recovery id, a tab left behind after Leave, a socket
 * kept open across meetings. Each listens to everything and then proves, with a round trip on the same
 * connection (a barrier: anything broadcast before it would have arrived first), that nothing came.
 */
describe('revocation: nobody keeps hearing a meeting they are out of', () => {
  const s = serverPerTest();
  const extra: TestSocket[] = [];
  afterEach(() => {
    for (const x of extra.splice(0)) x.close();
  });

  /** Everything a socket receives, as text, to grep for what it must never see. */
  function record(socket: TestSocket) {
    const got: string[] = [];
    socket.onAny((event: string, ...args: unknown[]) => got.push(`${event} ${JSON.stringify(args)}`));
    return got;
  }

  /** Drops the transport the way a network does (no goodbye), so the server may keep a recovery session. */
  function drop(j: Joined) {
    const raw = j.socket as unknown as {
      _pid?: string;
      _lastOffset?: string;
      io: { engine: { close(): void } };
    };
    const stolen = { pid: raw._pid, offset: raw._lastOffset };
    raw.io.engine.close();
    return stolen;
  }

  /** The attacker's connection: the handshake a socket.io client sends to recover a dropped session. */
  function reconnectWith(port: number, stolen: { pid?: string; offset?: string }) {
    const auth = { auth: { protocol: PROTOCOL_VERSION, ...stolen } } as Parameters<typeof connect>[2];
    const socket = connect(port, PROTOCOL_VERSION, auth);
    extra.push(socket);
    return socket;
  }

  for (const how of ['remove', 'toLobby'] as const) {
    it(`a member sent out (${how}) who reconnects with the recovery id receives nothing of the room`, async () => {
      const srv = await s.start();
      const g = await createGroup(srv.port, { e2ee: false });
      const fran = await s.join(g.links.facilitator, 'Fran');
      const ana = await s.join(g.links.member, 'Ana');
      const ben = await s.join(g.links.member, 'Ben');
      await ok(ben.socket, 'chat:send', { text: 'hello' }); // gives Ana's connection an offset to recover from

      const stolen = drop(ana);
      await waitUntil(() => fran.view()?.participants.find((p) => p.pid === ana.pid)?.online === false);
      await ok(fran.socket, `moderation:${how}`, {
        pid: ana.pid,
        ...(how === 'toLobby' ? { message: '' } : {}),
      });
      await ok(ben.socket, 'chat:send', { text: 'I relapsed last week' });

      const attacker = reconnectWith(srv.port, stolen);
      const got = record(attacker);
      await new Promise<void>((r) => attacker.once('connect', () => r()));
      await ok(ben.socket, 'chat:send', { text: 'and nobody knows' });
      await barrier(attacker);
      expect((attacker as unknown as { recovered?: boolean }).recovered).not.toBe(true);
      expect(got.filter((e) => /relapsed|nobody knows|Ben|room:(state|patch)/.test(e))).toEqual([]);
    });
  }

  it('a tab left open after Leave hears nothing said to that person when they come back on another device', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { e2ee: false });
    const fran = await s.join(g.links.facilitator, 'Fran');
    const ana = await s.join(g.links.member, 'Ana');
    await ok(ana.socket, 'room:leave', {});
    const oldTab = record(ana.socket);

    const again = await s.join(g.links.member, 'Ana', ana.identity);
    expect(again.pid).toBe(ana.pid);
    const nudged = new Promise<void>((r) => again.socket.once('moderation:nudged', () => r()));
    await ok(fran.socket, 'moderation:nudge', { pid: ana.pid, text: 'Are you all right?' });
    await ok(again.socket, 'chat:send', { text: 'back again' });
    await nudged;
    await barrier(ana.socket);
    expect(oldTab.filter((e) => /all right|back again|room:(state|patch)/.test(e))).toEqual([]);
  });

  it('after a removal every socket of that identity stops hearing the room, and a fresh identity waits in the lobby', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { e2ee: false });
    const fran = await s.join(g.links.facilitator, 'Fran');
    const ana = await s.join(g.links.member, 'Ana');
    const secondTab = await s.join(g.links.member, 'Ana', ana.identity);
    const ben = await s.join(g.links.member, 'Ben');
    const tabs = [record(ana.socket), record(secondTab.socket)];

    await ok(fran.socket, 'moderation:toLobby', { pid: ana.pid, message: 'A short break, please' });
    await ok(ben.socket, 'chat:send', { text: 'I relapsed last week' });
    await Promise.all([barrier(ana.socket), barrier(secondTab.socket)]);
    for (const t of tabs)
      expect(t.filter((e) => /relapsed|room:(state|patch)/.test(e.split(' ')[0] + e))).toEqual([]);

    // Back to the lobby cannot be bypassed with a fresh identity: newcomers now wait too.
    const fresh = connect(srv.port);
    extra.push(fresh);
    const res = await ok(fresh, 'room:join', {
      token: tokenOf(g.links.member),
      name: 'Not Ana',
      accept: true,
      declarationVersion: 1,
    });
    expect(res.status).toBe('waiting');
  });

  it('a connection of a closed meeting, recovered later, hears nothing of the next meeting', async () => {
    const srv = await s.start();
    const g = await createGroup(srv.port, { e2ee: false });
    const fran = await s.join(g.links.facilitator, 'Fran');
    const ana = await s.join(g.links.member, 'Ana');
    await ok(fran.socket, 'chat:send', { text: 'welcome' });
    const stolen = drop(ana);
    await waitUntil(() => fran.view()?.participants.find((p) => p.pid === ana.pid)?.online === false);
    await ok(fran.socket, 'meeting:close', {});

    const next = await joinAs(srv.port, g.links.facilitator, 'Fran', fran.identity);
    extra.push(next.socket);
    const ben = await s.join(g.links.member, 'Ben');
    const attacker = reconnectWith(srv.port, stolen);
    const got = record(attacker);
    await new Promise<void>((r) => attacker.once('connect', () => r()));
    await ok(ben.socket, 'chat:send', { text: 'new meeting, new secrets' });
    await barrier(attacker);
    expect(got.filter((e) => /secrets|Ben|room:(state|patch)/.test(e))).toEqual([]);
  });
});
