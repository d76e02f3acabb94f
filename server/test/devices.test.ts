import { DEVICE_CODE_ALPHABET } from '@circle/shared';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, connect, createGroup, ok, tokenOf } from './support/client.js';
import { postJson } from './support/meeting.js';
import { loadConfig } from '../src/config.js';
import { tempDir } from './support/server.js';
import { serverPerTest } from './support/session.js';

/** The other device posts the code, with the group's link, in a request body. */
const exchange = (port: number, link: string, code: string) =>
  postJson(port, '/api/device', { token: tokenOf(link), code });

/** The same, through a reverse proxy that appended `forwardedFor` to X-Forwarded-For. */
const exchangeVia = (port: number, link: string, code: string, forwardedFor: string) =>
  fetch(`http://127.0.0.1:${port}/api/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ token: tokenOf(link), code }),
  });

const wrongCode = (i: number) => `WRNGWRN${DEVICE_CODE_ALPHABET[i]}`;

describe('adding a device: one-time codes instead of personal links', () => {
  const t = serverPerTest();

  it('no join answer carries a link with the identity in it (the ?me= personal link is gone)', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const s = connect(srv.port);
    const res = await ok(s, 'room:join', {
      token: tokenOf(g.links.member),
      name: 'Ana',
      accept: true,
      declarationVersion: 1,
    });
    s.close();
    expect(res).not.toHaveProperty('personalLink');
    expect(JSON.stringify(res)).not.toContain('?me=');
    expect(Object.keys(res).sort()).toEqual(['identity', 'pid', 'role', 'status']);
  });

  it('a code is exchanged for the identity once, not twice; every device hears of it', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');
    const { code, expiresAt } = await ok(ana.socket, 'identity:deviceCode', {});
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const told = new Promise<void>((r) => ana.socket.once('identity:deviceAdded', () => r()));
    const first = await exchange(srv.port, g.links.member, code);
    expect(first.status).toBe(200);
    const { identity } = (await first.json()) as { identity: string };
    await told;
    // The second device is Ana herself.
    expect((await t.join(g.links.member, 'Ana', identity)).pid).toBe(ana.pid);

    // Single use: the same code again is refused.
    expect((await exchange(srv.port, g.links.member, code)).status).toBe(404);
  });

  it('a code works only with its own group, and guessing is cut off', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const other = await createGroup(srv.port, { name: 'Other circle' });
    const ana = await t.join(g.links.member, 'Ana');
    const { code } = await ok(ana.socket, 'identity:deviceCode', {});
    expect((await exchange(srv.port, other.links.member, code)).status).toBe(404);

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await exchange(srv.port, g.links.member, wrongCode(i))).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.at(-1)).toBe(429);
    // While cut off, even the right code waits: guessing gains nothing.
    expect((await exchange(srv.port, g.links.member, code)).status).toBe(429);
    expect((await postJson(srv.port, '/api/device', { token: tokenOf(g.links.member) })).status).toBe(400);
  });

  it('behind a trusted proxy, one guesser is cut off by its own address and does not lock out the others', async () => {
    const srv = await t.start({ limits: { ...loadConfig({}).limits, trustedProxies: 1 } });
    const g = await createGroup(srv.port);
    const ana = await t.join(g.links.member, 'Ana');
    const { code } = await ok(ana.socket, 'identity:deviceCode', {});
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await exchangeVia(srv.port, g.links.member, wrongCode(i), '203.0.113.66')).status);
    expect(statuses.at(-1)).toBe(429);
    // A client prepending an address of its own is still counted by what the proxy appended.
    expect((await exchangeVia(srv.port, g.links.member, code, '10.1.1.1, 203.0.113.66')).status).toBe(429);
    // Ana's other device, behind the same proxy but from its own address, is not punished for it.
    expect((await exchangeVia(srv.port, g.links.member, code, '198.51.100.7')).status).toBe(200);
  });

  it('without a trusted proxy, a forged X-Forwarded-For does not buy fresh guesses', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await exchangeVia(srv.port, g.links.member, wrongCode(i), `198.51.100.${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('someone waiting in the lobby cannot ask for a code', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port, { lobby: true });
    await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');
    expect(await call(ana.socket, 'identity:deviceCode', {})).toEqual({ ok: false, error: 'NOT_ADMITTED' });
  });
});

describe('identities are stored only when a join is accepted', () => {
  const t = serverPerTest();

  it('many refused joins (room full) leave no identity behind', async () => {
    const dataDir = tempDir();
    const srv = await t.start({ dataDir });
    const g = await createGroup(srv.port, { capacity: 2 });
    await t.join(g.links.facilitator, 'Fran');
    await t.join(g.links.member, 'Ana');
    await t.join(g.links.member, 'Ben');
    for (let i = 0; i < 25; i++) {
      const s = connect(srv.port);
      const ack = await call(s, 'room:join', {
        token: tokenOf(g.links.member),
        name: `N${i}`,
        accept: true,
        declarationVersion: 1,
      });
      s.close();
      expect(ack).toEqual({ ok: false, error: 'ROOM_FULL' });
    }
    const db = new Database(join(dataDir, 'circle.db'), { readonly: true });
    const rows = db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM docs WHERE key LIKE ?')
      .get(`%:identity:%`)!;
    db.close();
    expect(rows.n).toBe(3);
  });
});
