import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type AbuseLimits } from '../src/config.js';
import type { RunningServer } from '../src/server.js';
import { call, connect, createGroup, joinAs, ok, tokenOf, type TestSocket } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/** Nobody can exhaust the server from a link: attacks from one address, over real HTTP and Socket.IO. */

const limits = (changes: Partial<AbuseLimits>): AbuseLimits => ({ ...loadConfig({}).limits, ...changes });

function postGroup(srv: RunningServer, body: object = {}, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${srv.port}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Burst circle', ...body }),
  });
}

/** Fires `n` creations at once and counts the answers by status. */
async function burst(srv: RunningServer, n: number, headers: Record<string, string> = {}) {
  const answers = await Promise.all(
    Array.from({ length: n }, async () => {
      const res = await postGroup(srv, {}, headers);
      return { status: res.status, body: (await res.json()) as { error?: string } };
    }),
  );
  const created = answers.filter((a) => a.status === 201).length;
  const refused = answers.filter((a) => a.status === 429 && a.body.error === 'RATE_LIMITED').length;
  return { created, refused };
}

/** Resolves once the socket is connected, or refused at the handshake. */
function outcome(socket: TestSocket): Promise<'connected' | 'refused'> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });
}

describe('nobody can exhaust the server from a link', () => {
  const servers: RunningServer[] = [];
  const sockets: TestSocket[] = [];
  const start = async (...args: Parameters<typeof inProcess>) => {
    const srv = await inProcess(...args);
    servers.push(srv);
    return srv;
  };
  const open = (port: number, headers?: Record<string, string>) => {
    const s = connect(port, undefined, headers ? { extraHeaders: headers } : {});
    sockets.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    for (const s of servers.splice(0)) await s.close();
  });

  it('refuses a burst of group creations from one address with 429 RATE_LIMITED, forged headers or not', async () => {
    const srv = await start();
    const first = await burst(srv, 200);
    // The default bucket: 10 at once, then 30 an hour.
    expect(first).toEqual({ created: 10, refused: 190 });
    // Without a trusted proxy in front, X-Forwarded-For is the client's own words and changes nothing.
    expect(await burst(srv, 20, { 'x-forwarded-for': '198.51.100.7' })).toEqual({ created: 0, refused: 20 });
  });

  it('behind a trusted proxy, counts each client by the address the proxy saw', async () => {
    const srv = await start({ limits: limits({ trustedProxies: 1, groupCreateBurst: 3 }) });
    const a = { 'x-forwarded-for': '203.0.113.5' };
    expect(await burst(srv, 10, a)).toEqual({ created: 3, refused: 7 });
    // A client prepending addresses of its own is still counted by what the proxy appended (the last one).
    expect(await burst(srv, 5, { 'x-forwarded-for': '10.9.9.9, 203.0.113.5' })).toEqual({
      created: 0,
      refused: 5,
    });
    // Another client behind the same proxy has its own bucket.
    expect(await burst(srv, 5, { 'x-forwarded-for': '203.0.113.6' })).toEqual({ created: 3, refused: 2 });
  });

  it('asks for the creation password when the operator set one, and refuses a wrong one with 401', async () => {
    const open = await start();
    const openConfig = await fetch(`http://127.0.0.1:${open.port}/api/config`);
    expect(await openConfig.json()).toEqual({ groupCreation: { passwordRequired: false } });

    const srv = await start({ limits: limits({ adminPassword: 'correct horse battery' }) });
    const config = await fetch(`http://127.0.0.1:${srv.port}/api/config`);
    expect(await config.json()).toEqual({ groupCreation: { passwordRequired: true } });
    for (const body of [
      {},
      { adminPassword: 'wrong' },
      { adminPassword: 'correct horse batter' },
      { adminPassword: 7 },
    ]) {
      const res = await postGroup(srv, body);
      expect(res.status, JSON.stringify(body)).toBe(401);
      expect(await res.json()).toEqual({ error: 'FORBIDDEN' });
    }
    expect((await postGroup(srv, { adminPassword: 'correct horse battery' })).status).toBe(201);
  });

  it('caps concurrent connections per address; a forged X-Forwarded-For does not lift the cap', async () => {
    const srv = await start({ limits: limits({ connectionsPerAddress: 5 }) });
    const first = Array.from({ length: 5 }, () => open(srv.port));
    expect(await Promise.all(first.map(outcome))).toEqual(Array(5).fill('connected'));
    expect(await outcome(open(srv.port))).toBe('refused');
    expect(await outcome(open(srv.port, { 'x-forwarded-for': '198.51.100.9' }))).toBe('refused');

    // A closed connection frees its place.
    first[0]!.close();
    await waitUntil(async () => (await outcome(open(srv.port))) === 'connected', 5_000, 'a place to free up');
  });

  it('limits join attempts per address per minute with RATE_LIMITED', async () => {
    const srv = await start({ limits: limits({ joinsPerAddressPerMinute: 5 }) });
    const g = await createGroup(srv.port);
    for (let i = 0; i < 5; i++) sockets.push((await joinAs(srv.port, g.links.member, `Person ${i}`)).socket);
    const late = open(srv.port);
    const ack = await call(late, 'room:join', {
      token: tokenOf(g.links.member),
      name: 'One too many',
      accept: true,
      declarationVersion: 1,
    });
    expect(ack).toEqual({ ok: false, error: 'RATE_LIMITED' });
  });

  it('closes a connection that has not joined a room in time, and only that one', async () => {
    const srv = await start({ limits: limits({ joinTimeoutMs: 400 }) });
    const g = await createGroup(srv.port);
    const member = await joinAs(srv.port, g.links.member, 'Ana');
    sockets.push(member.socket);
    const idle = open(srv.port);
    expect(await outcome(idle)).toBe('connected');
    const reason = await new Promise<string>((resolve) => idle.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
    // Barrier: a round trip on the joined connection, well after its own deadline would have passed.
    await ok(member.socket, 'floor:raise', {});
    expect(member.socket.connected).toBe(true);
  });
});
