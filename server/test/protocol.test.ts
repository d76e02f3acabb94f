import { PROTOCOL_VERSION } from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, connect, createGroup, joinAs, ok, tokenOf, type Joined } from './support/client.js';
import { postJson } from './support/meeting.js';
import { inProcess } from './support/server.js';

describe('protocol and bad input', () => {
  let srv: RunningServer;
  let g: Awaited<ReturnType<typeof createGroup>>;
  let facilitator: Joined, member: Joined;

  beforeAll(async () => {
    srv = await inProcess({ rateLimitPerSec: 50 });
    g = await createGroup(srv.port);
    facilitator = await joinAs(srv.port, g.links.facilitator, 'Fran');
    member = await joinAs(srv.port, g.links.member, 'Mo');
  });
  afterAll(async () => {
    facilitator.socket.close();
    member.socket.close();
    await srv.close();
  });

  it('refuses a connection speaking another protocol version', async () => {
    const s = connect(srv.port, PROTOCOL_VERSION + 1);
    const err = await new Promise<Error>((resolve) => s.once('connect_error', resolve));
    expect(err.message).toBe('PROTOCOL_MISMATCH');
    s.close();
  });

  const bad: [string, unknown][] = [
    ['floor:give', { pid: 42 }],
    ['floor:give', {}],
    ['floor:give', { pid: 'x'.repeat(65) }],
    ['floor:give', { pid: 'a', extra: true }],
    ['floor:round', { limitSec: -5 }],
    ['floor:round', { limitSec: 'soon' }],
    ['floor:reorder', { order: 'abc' }],
    ['floor:reorder', { order: Array.from({ length: 100 }, (_, i) => `p${i}`) }],
    ['floor:settings', { autoHandover: 'yes' }],
    ['floor:raise', null],
    ['floor:raise', 'hello'],
    ['floor:raise', [1, 2, 3]],
    ['seats:reorder', { order: [null] }],
    ['lobby:admit', { pid: { $ne: null } }],
  ];
  it.each(bad)('%s with %j is refused and changes nothing', async (event, payload) => {
    const before = facilitator.view()!;
    const ack = await call(facilitator.socket, event as 'floor:give', payload);
    expect(ack).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(facilitator.view()).toEqual(before);
  });

  it('answers unknown events with BAD_REQUEST', async () => {
    expect(await call(member.socket, 'floor:explode' as 'floor:raise', {})).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(await call(member.socket, '__proto__' as 'floor:raise', {})).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
  });

  it('refuses a join without accepting the declaration, or with a long name', async () => {
    const s = connect(srv.port);
    const token = tokenOf(g.links.member);
    expect(await call(s, 'room:join', { token, name: 'Al', accept: false, declarationVersion: 1 })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(
      await call(s, 'room:join', { token, name: 'A'.repeat(41), accept: true, declarationVersion: 1 }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(await call(s, 'room:join', { token, name: '   ', accept: true, declarationVersion: 1 })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    s.close();
  });

  it('refuses tampered and unknown invitation tokens, over Socket.IO and HTTP', async () => {
    const s = connect(srv.port);
    const token = tokenOf(g.links.member);
    const [kid, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, string>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, r: 'facilitator' })).toString('base64url');
    const tampered = [
      `${kid}.${promoted}.${sig}`,
      `${kid}.${body}.${sig}x`,
      `other1.${body}.${sig}`,
      'garbage',
      `${kid}.${body}`,
    ];
    for (const t of tampered) {
      expect(
        await call(s, 'room:join', { token: t, name: 'Al', accept: true, declarationVersion: 1 }),
      ).toEqual({ ok: false, error: 'INVALID_TOKEN' });
      expect((await postJson(srv.port, '/api/invite', { token: t })).status).toBe(404);
    }
    const info = await (await postJson(srv.port, '/api/invite', { token })).json();
    expect(info).toMatchObject({ role: 'member', groupName: 'Tuesday circle', declarationVersion: 1 });
    s.close();
  });

  it('validates group creation', async () => {
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${srv.port}/api/groups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect((await post('{"name": ""}')).status).toBe(400);
    expect((await post('{"name": "x", "capacity": 1000}')).status).toBe(400);
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ name: 'x', declaration: 'y'.repeat(50_000) }))).status).toBe(413);
    const created = await createGroup(srv.port, { capacity: 10 });
    expect(created.sizeWarning).toBe(true);
    expect((await createGroup(srv.port)).sizeWarning).toBe(true);
    expect((await createGroup(srv.port, { capacity: 8 })).sizeWarning).toBe(false);
  });

  it('drops a connection that sends an oversized frame, and keeps serving others', async () => {
    const s = connect(srv.port);
    await new Promise<void>((r) => s.once('connect', () => r()));
    const closed = new Promise<void>((r) => s.once('disconnect', () => r()));
    (s.emit as unknown as (e: string, p: unknown) => void)('floor:raise', { blob: 'x'.repeat(100_000) });
    await closed;
    await ok(member.socket, 'floor:raise', {});
    await ok(member.socket, 'floor:lower', {});
  });

  it('rate-limits a flooding connection', async () => {
    const acks = await Promise.all(Array.from({ length: 300 }, () => call(member.socket, 'floor:lower', {})));
    const limited = acks.filter((a) => !a.ok && a.error === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThan(100);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThan(50);
    // Other people are not affected.
    await ok(facilitator.socket, 'floor:raise', {});
    await ok(facilitator.socket, 'floor:lower', {});
  });
});
