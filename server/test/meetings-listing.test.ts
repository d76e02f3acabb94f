import type { GroupSettingsInput } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { validateTsmlFeed } from '../src/listing/tsmlRules.js';
import { call, connect, createGroup, ok, tokenOf } from './support/client.js';
import { sendAbsence } from './support/meeting.js';
import { serverPerTest } from './support/session.js';

const listing = {
  type: 'smart',
  expect: 'We read the SMART <b>agenda</b>; you may pass.',
  camerasOptional: true,
  contribution: 'https://www.paypal.me/tuesdaycircle',
  location: 'Lyon area',
} as const;
const schedule = { weekday: 2, time: '19:30', timeZone: 'Europe/Paris' };
const listed: Partial<GroupSettingsInput> = { listed: true, lobby: true, listing, schedule };

const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers });
const text = async (port: number, path: string) => (await get(port, path)).text();
type Feed = { slug: string; name: string; conference_url: string }[];
const feed = async (port: number) => (await (await get(port, '/meetings.json')).json()) as Feed;

/** Every public listing surface, as one string: what a stranger can read of the server. */
async function everythingPublic(port: number): Promise<string> {
  const f = await feed(port);
  const parts = [await text(port, '/meetings'), JSON.stringify(f)];
  for (const m of f) {
    // Calendar lines are folded at 75 octets: unfolded, a token reads whole.
    const ics = (await text(port, `/meetings/${m.slug}.ics`)).replace(/\r\n /g, '');
    parts.push(await text(port, `/meetings/${m.slug}`), ics);
  }
  return parts.join('\n');
}

describe('the public meeting list: only listed groups, and no token but the lobby Join link', () => {
  const t = serverPerTest();

  it('an unlisted group never appears on the page, in the feed, on a slug page or as a calendar', async () => {
    const srv = await t.start();
    const quiet = await createGroup(srv.port, { name: 'Quiet therapy group', schedule, lobby: true });
    const open = await createGroup(srv.port, { ...listed, name: 'Tuesday circle' });
    // Listed, but its members would walk straight in: not shown (the Join link must land in the lobby).
    await createGroup(srv.port, { ...listed, lobby: false, name: 'No lobby circle' });

    const f = await feed(srv.port);
    expect(f.map((m) => m.name)).toEqual(['Tuesday circle']);
    const all = await everythingPublic(srv.port);
    expect(all).toContain('Tuesday circle');
    expect(all).not.toContain('Quiet therapy group');
    expect(all).not.toContain('No lobby circle');
    expect(all).not.toContain(quiet.groupId);
    expect(all).not.toContain(open.groupId);
    // The join page of an unlisted group's own link points to no public page either.
    const lookup = await fetch(`http://127.0.0.1:${srv.port}/api/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(quiet.links.member) }),
    });
    const quietInfo = await lookup.json();
    expect(quietInfo).not.toHaveProperty('listingSlug');
    expect(quietInfo).not.toHaveProperty('fromList');

    // Listed, then unlisted from the room: gone everywhere, its slug a plain 404 like an unknown one.
    const slug = f[0]!.slug;
    expect((await get(srv.port, `/meetings/${slug}`)).status).toBe(200);
    const fran = await t.join(open.links.facilitator, 'Fran');
    await ok(fran.socket, 'meeting:settings', { listed: false });
    expect(await feed(srv.port)).toEqual([]);
    expect(await text(srv.port, '/meetings')).not.toContain('Tuesday circle');
    for (const path of [`/meetings/${slug}`, `/meetings/${slug}.ics`, '/meetings/nothing-here.ics'])
      expect((await get(srv.port, path)).status).toBe(404);
  });

  it('the feed passes the TSML rules and holds no facilitator, member or observer link, nor any identity', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port, { ...listed, name: 'Tuesday circle' });
    const fran = await t.join(g.links.facilitator, 'Fran');
    const f = await feed(srv.port);
    expect(validateTsmlFeed(f)).toEqual([]);
    expect(f[0]).toMatchObject({
      day: 2,
      time: '19:30',
      end_time: '20:30',
      timezone: 'Europe/Paris',
      types: ['O', 'ONL', 'EN', 'A', 'POA'],
      paypal: listing.contribution,
      formatted_address: 'Lyon area',
      approximate: 'yes',
    });

    const all = await everythingPublic(srv.port);
    for (const link of Object.values(g.links)) expect(all).not.toContain(tokenOf(link));
    expect(all).not.toContain(fran.identity);
    expect(all).not.toContain(fran.pid);
    expect(all).not.toContain('Fran');
    // The group's own words are escaped, never markup.
    expect(await text(srv.port, '/meetings')).toContain('&#60;b&#62;agenda&#60;/b&#62;');
    // Exactly one kind of token anywhere: the Join link.
    const tokens = new Set([...all.matchAll(/\/join#([A-Za-z0-9._-]+)/g)].map((m) => m[1]));
    expect([...tokens]).toEqual([tokenOf(f[0]!.conference_url)]);
  });

  it('the pages speak the reader’s language, with landmarks, headings, the feed link and local times', async () => {
    const srv = await t.start();
    await createGroup(srv.port, { ...listed, name: 'Tuesday circle' });
    const slug = (await feed(srv.port))[0]!.slug;
    const fr = { 'accept-language': 'pl;q=1, fr-CH;q=0.9, en;q=0.5' };
    const list = await (await get(srv.port, '/meetings', fr)).text();
    expect(list).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(list).toContain(
      '<link rel="alternate" type="application/json" title="Meetings Feed" href="/meetings.json">',
    );
    expect(list).toMatch(
      /<main>[\s\S]*<h1>Réunions<\/h1>[\s\S]*<h2 id="m-[^"]+" lang="en">Tuesday circle<\/h2>/,
    );
    expect(list).toMatch(/<time datetime="\d{4}-\d\d-\d\dT1[78]:30:00.000Z" data-local="time">/);
    expect(list).toContain(`href="/meetings/${slug}.ics">Ajouter au calendrier</a>`);
    expect(list).toContain(`href="/meetings/${slug}">À quoi s’attendre</a>`);

    const expectPage = await (await get(srv.port, `/meetings/${slug}`, { 'accept-language': 'uk' })).text();
    expect(expectPage).toContain('<html lang="uk">');
    expect(expectPage).toContain('Можна пропустити свою чергу');
    expect(expectPage).toContain('We read the SMART &#60;b&#62;agenda&#60;/b&#62;; you may pass.');

    const script = await get(srv.port, '/meetings/local-time.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // The page's policy allows scripts from the server itself only: the time script is one.
    expect((await get(srv.port, '/meetings')).headers.get('content-security-policy')).toMatch(
      /script-src 'self'/,
    );
    const ics = await get(srv.port, `/meetings/${slug}.ics`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  });

  it('following the Join link lands in the lobby, and stops working once the group is unlisted', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port, { ...listed, name: 'Tuesday circle' });
    const fran = await t.join(g.links.facilitator, 'Fran');
    const join = tokenOf((await feed(srv.port))[0]!.conference_url);

    const info = await fetch(`http://127.0.0.1:${srv.port}/api/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: join }),
    });
    const slug = (await feed(srv.port))[0]!.slug;
    expect(await info.json()).toMatchObject({
      role: 'member',
      lobby: true,
      groupName: 'Tuesday circle',
      listingSlug: slug,
      fromList: true,
    });

    const visitor = connect(srv.port);
    const entry = { token: join, name: 'Newcomer', accept: true, declarationVersion: 1 };
    expect(await ok(visitor, 'room:join', entry)).toMatchObject({ status: 'waiting' });
    visitor.close();

    // Unlisted: the Join link no longer opens anything.
    await ok(fran.socket, 'meeting:settings', { listed: false });
    const late = connect(srv.port);
    expect(await call(late, 'room:join', entry)).toEqual({ ok: false, error: 'INVALID_TOKEN' });
    late.close();
    // Listed again: a new Join link; the old one stays dead.
    await ok(fran.socket, 'meeting:settings', { listed: true });
    const again = tokenOf((await feed(srv.port))[0]!.conference_url);
    expect(again).not.toBe(join);
    const old = connect(srv.port);
    expect(await call(old, 'room:join', entry)).toEqual({ ok: false, error: 'INVALID_TOKEN' });
    old.close();
  });

  it('the public Join link is for coming in through the lobby only: it cannot send absence notices', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port, { ...listed, name: 'Tuesday circle' });
    const join = tokenOf((await feed(srv.port))[0]!.conference_url);
    const notice = { name: 'Anyone', note: 'Not coming' };
    expect((await sendAbsence(srv.port, join, notice)).status).toBe(403);
    expect((await sendAbsence(srv.port, tokenOf(g.links.member), notice)).status).toBe(201);
  });

  it('listing fields are checked: only an https contribution link, texts within their limits', async () => {
    const srv = await t.start();
    const g = await createGroup(srv.port, { name: 'Tuesday circle', lobby: true });
    const fran = await t.join(g.links.facilitator, 'Fran');
    for (const bad of [
      { contribution: 'javascript:alert(1)' },
      { contribution: 'http://paypal.me/x' },
      { contribution: 'https://evil.example/" onclick="x' },
      { expect: 'x'.repeat(1001) },
      { location: 'x'.repeat(81) },
      { type: 'therapy' },
    ]) {
      const listing = { ...listed.listing, ...bad };
      expect(await call(fran.socket, 'meeting:settings', { listed: true, listing })).toEqual({
        ok: false,
        error: 'BAD_REQUEST',
      });
      const res = await fetch(`http://127.0.0.1:${srv.port}/api/groups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Other circle', listed: true, listing }),
      });
      expect(res.status).toBe(400);
    }
    expect(await feed(srv.port)).toEqual([]);
    expect(await ok(fran.socket, 'meeting:settings', {})).toMatchObject({ listed: false });
  });

  it('the public Join link cannot be used to guess device codes and lock a group’s members out of adding a device', async () => {
    const srv = await t.start({ limits: { ...loadConfig({}).limits, trustedProxies: 1 } });
    const g = await createGroup(srv.port, { ...listed, name: 'Tuesday circle' });
    const join = tokenOf((await feed(srv.port))[0]!.conference_url);
    const fran = await t.join(g.links.facilitator, 'Fran');
    const ana = await t.join(g.links.member, 'Ana');
    const admitted = new Promise((r) => ana.socket.once('room:admitted', r));
    await ok(fran.socket, 'lobby:admit', { pid: ana.pid });
    await admitted;
    const { code } = await ok(ana.socket, 'identity:deviceCode', {});
    const exchange = (token: string, guess: string, from: string) =>
      fetch(`http://127.0.0.1:${srv.port}/api/device`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
        body: JSON.stringify({ token, code: guess }),
      });
    // Strangers from many addresses, holding only the published link, guess away.
    const statuses = new Set<number>();
    for (let i = 0; i < 25; i++)
      statuses.add((await exchange(join, `WRNGWRN${'ABCDEFGHJK'[i % 10]}`, `203.0.113.${i}`)).status);
    expect([...statuses]).toEqual([403]);
    // Ana's other device, with the member link, is not locked out by them.
    expect((await exchange(tokenOf(g.links.member), code, '198.51.100.7')).status).toBe(200);
  });
});
