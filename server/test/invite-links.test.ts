import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, connect, createGroup, ok, tokenOf } from './support/client.js';
import { postJson } from './support/meeting.js';
import { waitUntil } from './support/ports.js';
import { startRedis } from './support/redis.js';
import { inProcess, tempDir } from './support/server.js';
import { serverPerTest } from './support/session.js';

/** What the join page does with the fragment of `/join#<token>`: the token travels in a request body. */
const lookup = (port: number, token: string) => postJson(port, '/api/invite', { token });

const joinPayload = (link: string, name: string, identity?: string) => ({
  token: tokenOf(link),
  name,
  accept: true,
  declarationVersion: 1,
  ...(identity ? { identity } : {}),
});

describe('invitation links: replaceable, expiring, never in an address, never stored in clear', () => {
  const t = serverPerTest();

  it('a replaced member link is refused over HTTP and over the socket; people inside keep their place', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');

    const replaced = await ok(fran.socket, 'invite:replace', { role: 'member' });
    expect(replaced.link).toMatch(/^\/join#/);
    expect(replaced.link).not.toBe(g.links.member);

    expect((await lookup(srv.port, tokenOf(g.links.member))).status).toBe(404);
    const stranger = connect(srv.port);
    expect(await call(stranger, 'room:join', joinPayload(g.links.member, 'Mallory'))).toEqual({
      ok: false,
      error: 'INVALID_TOKEN',
    });
    stranger.close();

    // The new link works; the other links are untouched.
    expect((await lookup(srv.port, tokenOf(replaced.link))).status).toBe(200);
    expect((await lookup(srv.port, tokenOf(g.links.observer))).status).toBe(200);
    await t.join(replaced.link, 'Ben');

    // Ana's connection drops; her browser comes back with the link it had and keeps her seat.
    ana.socket.close();
    const back = await t.join(g.links.member, 'Ana', ana.identity);
    expect(back.pid).toBe(ana.pid);
    await waitUntil(() => back.view()?.floor.seats.includes(ana.pid) ?? false);
  });

  it('a page reloaded inside the meeting still opens the replaced link with its identity; nobody else does', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');
    const ben = await t.join(g.links.member, 'Ben');
    const other = await createGroup(srv.port, { name: 'Other circle' });
    const stranger = await t.join(other.links.member, 'Ana');
    await ok(ben.socket, 'room:leave', {});
    await ok(fran.socket, 'invite:replace', { role: 'member' });
    const old = tokenOf(g.links.member);
    const withIdentity = (identity: string) => postJson(srv.port, '/api/invite', { token: old, identity });

    // Ana's tab reloads: the join page looks the link up with the identity her browser holds.
    const again = await withIdentity(ana.identity);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ groupName: 'Tuesday circle', role: 'member' });
    // The leaked link alone, with someone who left, with another group's identity, or with the
    // facilitator's (another door): still no longer valid.
    expect((await lookup(srv.port, old)).status).toBe(404);
    expect((await withIdentity(ben.identity)).status).toBe(404);
    expect((await withIdentity(stranger.identity)).status).toBe(404);
    expect((await withIdentity(fran.identity)).status).toBe(404);
    expect((await withIdentity('not-an-identity')).status).toBe(404);
  });

  it('a link given an expiry date is refused once it has passed, like a replaced one', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const soon = await ok(fran.socket, 'invite:replace', { role: 'observer', expiresAt: Date.now() + 800 });
    expect(soon.expiresAt).not.toBeNull();
    expect((await lookup(srv.port, tokenOf(soon.link))).status).toBe(200);
    await waitUntil(async () => (await lookup(srv.port, tokenOf(soon.link))).status === 404, 5000);
    const late = connect(srv.port);
    expect(await call(late, 'room:join', joinPayload(soon.link, 'Obi'))).toEqual({
      ok: false,
      error: 'INVALID_TOKEN',
    });
    late.close();
    // An expiry in the past is a mistake, not a way to switch a link off silently.
    expect(
      await call(fran.socket, 'invite:replace', { role: 'member', expiresAt: Date.now() - 1000 }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });

  it('only facilitators replace links', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');
    const obi = await t.join(g.links.observer, 'Obi');
    for (const who of [ana, obi])
      expect(await call(who.socket, 'invite:replace', { role: 'facilitator' })).toEqual({
        ok: false,
        error: 'FORBIDDEN',
      });
    expect((await lookup(srv.port, tokenOf(g.links.facilitator))).status).toBe(200);
  });

  it('no token travels in an address: links carry it in the fragment, the API takes it in a body or header', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port);
    const token = tokenOf(g.links.member);
    for (const link of Object.values(g.links)) expect(link).toMatch(/^\/join#[^?/]+$/);
    const base = `http://127.0.0.1:${srv.port}`;

    expect((await fetch(`${base}/api/invite/${token}`)).status).toBe(404);
    expect((await fetch(`${base}/join/${token}`)).status).toBe(404);
    expect((await postJson(srv.port, `/api/invite/${token}/absence`, { name: 'Ana' })).status).toBe(404);

    const info = (await (await lookup(srv.port, token)).json()) as { groupName: string; role: string };
    expect(info).toMatchObject({ groupName: 'Tuesday circle', role: 'member' });
    const absence = await fetch(`${base}/api/absence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Ana', note: '' }),
    });
    expect(absence.status).toBe(201);
    expect((await lookup(srv.port, 'x'.repeat(600))).status).toBe(400);
    expect((await postJson(srv.port, '/api/invite', { token: 42 })).status).toBe(400);
  });
});

describe('the store keeps hashes of invitation links, never the links', () => {
  it('embedded SQLite: no invitation token in the database files, even after a replacement', async () => {
    const dataDir = tempDir();
    const srv = await inProcess({ dataDir });
    try {
      const g = await createGroup(srv.port);
      const fran = await facilitatorSocket(srv.port, g.links.facilitator);
      const replaced = await ok(fran, 'invite:replace', { role: 'member' });
      fran.close();
      const tokens = [...Object.values(g.links), replaced.link].map(tokenOf);
      // Every byte SQLite wrote: the database, its write-ahead log and anything else in the directory.
      const bytes = readdirSync(dataDir)
        .map((f) => readFileSync(join(dataDir, f)).toString('latin1'))
        .join('\n');
      const db = new Database(join(dataDir, 'circle.db'), { readonly: true });
      const docs = db.prepare<[], { value: string }>('SELECT value FROM docs').all();
      db.close();
      expect(docs.length).toBeGreaterThan(0);
      for (const token of tokens) {
        const signature = token.split('.').at(-1)!;
        expect(bytes).not.toContain(signature);
        expect(docs.some((d) => d.value.includes(signature))).toBe(false);
      }
    } finally {
      await srv.close();
    }
  });

  it('Redis: no invitation token under any key', async () => {
    const redis = await startRedis();
    const srv = await inProcess({ redisUrl: redis.url });
    const client = new Redis(redis.url);
    try {
      const g = await createGroup(srv.port);
      const fran = await facilitatorSocket(srv.port, g.links.facilitator);
      const replaced = await ok(fran, 'invite:replace', { role: 'observer' });
      fran.close();
      const all: string[] = [];
      for (const key of await client.keys('*')) {
        const type = await client.type(key);
        if (type === 'string') all.push(`${key} ${await client.get(key)}`);
        else if (type === 'list') all.push(`${key} ${(await client.lrange(key, 0, -1)).join('\n')}`);
        else if (type === 'hash') all.push(`${key} ${JSON.stringify(await client.hgetall(key))}`);
        else if (type === 'stream') all.push(`${key} ${JSON.stringify(await client.xrange(key, '-', '+'))}`);
      }
      expect(all.some((v) => v.includes(g.groupId))).toBe(true);
      for (const token of [...Object.values(g.links), replaced.link].map(tokenOf))
        expect(all.filter((v) => v.includes(token.split('.').at(-1)!))).toEqual([]);
    } finally {
      client.disconnect();
      await srv.close();
      await redis.stop();
    }
  });
});

async function facilitatorSocket(port: number, link: string) {
  const s = connect(port);
  await ok(s, 'room:join', joinPayload(link, 'Fran'));
  return s;
}
