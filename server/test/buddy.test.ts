import type { BuddyCompanion, BuddyOverview, FirstMeetingAudience } from '@circle/shared';
import { BUDDY_INVITE_TTL_MS, BUDDY_INVITES_MAX } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.js';
import type { RunningServer } from '../src/server.js';
import { barrier, call, connect, createGroup, ok, tokenOf, track, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

type Facts = Omit<BuddyOverview, 'companion'>;

/** What the join page asks before the join: the invitation, looked up by its token in the body. */
const lookUp = (srv: RunningServer, link: string, identity?: string) =>
  fetch(`http://127.0.0.1:${srv.port}/api/invite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: tokenOf(link), ...(identity && { identity }) }),
  });

describe('come with a buddy', () => {
  let srv: RunningServer;
  const { start, join } = serverPerTest();
  const open: Joined[] = [];
  afterEach(() => {
    for (const j of open.splice(0)) j.socket.close();
  });

  /**
   * A newcomer's join: as `joinAs`, plus the join page's "first meeting" choice, and every buddy event
   * this connection hears kept from before the join is answered (they arrive ahead of the ack).
   */
  async function arrive(link: string, name: string, firstMeeting?: FirstMeetingAudience, identity?: string) {
    const socket = connect(srv.port);
    const tracker = track(socket);
    const companion: (BuddyCompanion | null)[] = [];
    socket.on('buddy:companion', (c) => companion.push(c));
    const ack = await call(socket, 'room:join', {
      token: tokenOf(link),
      name,
      accept: true,
      declarationVersion: 1,
      ...(identity && { identity }),
      ...(firstMeeting && { firstMeeting }),
    });
    if (!ack.ok) {
      socket.close();
      return { refused: ack.error } as const;
    }
    const joined: Joined = {
      socket,
      pid: ack.data.pid,
      identity: ack.data.identity,
      view: tracker.view,
      history: tracker.history,
    };
    open.push(joined);
    return { ...joined, status: ack.data.status, companion, refused: null };
  }

  /** Everything one connection receives, to search it for what it must never carry. */
  function record(socket: Joined['socket']) {
    const heard: unknown[] = [];
    // Under its event's name, so an event that is itself about first meetings is searched too.
    socket.onAny((event: string, ...args: unknown[]) =>
      heard.push({ [event]: args.length === 1 ? args[0] : args }),
    );
    return heard;
  }

  /** Every value under a key naming a first meeting, anywhere in what was heard. */
  function firstMeetingMarks(payloads: unknown[]): unknown[] {
    const found: unknown[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      for (const [k, inner] of Object.entries(v)) {
        if (/first|welcome/i.test(k)) found.push(inner);
        walk(inner);
      }
    };
    payloads.forEach(walk);
    return found;
  }

  const facts = (fac: Joined) => {
    const seen: Facts[] = [];
    fac.socket.on('buddy:facilitators', (f) => seen.push(f));
    return seen;
  };

  it('lets the pair waiting in the lobby in with one admission, side by side, each seeing the other', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: true });
    const fran = await join(g.links.facilitator, 'Fran');
    const seen = facts(fran);
    const ana = await join(g.links.member, 'Ana');
    await ok(fran.socket, 'lobby:admit', { pid: ana.pid });
    await waitUntil(() => ana.view() !== null);
    const invitation = await ok(ana.socket, 'buddy:invite', {});
    expect(invitation.link).toMatch(/^\/join#/);
    expect(invitation.open).toBe(1);
    // Ana comes back another day: she waits in the lobby, then her newcomer arrives, and a stranger.
    await ok(ana.socket, 'room:leave', {});
    ana.socket.close();
    const anaAgain = await arrive(g.links.member, 'Ana', undefined, ana.identity);
    const info = (await (await lookUp(srv, invitation.link)).json()) as { role: string; buddy?: true };
    expect(info).toMatchObject({ role: 'member', buddy: true, lobby: true });
    const nia = await arrive(invitation.link, 'Nia', 'facilitators');
    const cy = await arrive(g.links.member, 'Cy');
    if (anaAgain.refused !== null || nia.refused !== null || cy.refused !== null) throw new Error('refused');
    expect(nia.status).toBe('waiting');

    await waitUntil(() => nia.companion.length > 0 && anaAgain.companion.length > 0);
    expect(nia.companion.at(-1)).toMatchObject({ name: 'Ana', waiting: true, iAmNewcomer: true });
    expect(anaAgain.companion.at(-1)).toMatchObject({ name: 'Nia', waiting: true, iAmNewcomer: false });
    await waitUntil(() => seen.at(-1)?.pairs.length === 1);
    expect(seen.at(-1)).toEqual({
      pairs: [{ companion: ana.pid, newcomer: nia.pid }],
      firstMeeting: [nia.pid],
    });

    // One admission, of either of them, lets both in; the stranger who came in between still waits.
    await ok(fran.socket, 'lobby:admit', { pid: nia.pid });
    await waitUntil(() => nia.view() !== null && anaAgain.view() !== null);
    expect(fran.view()!.floor.seats).toEqual([fran.pid, ana.pid, nia.pid]);
    expect((await ok(fran.socket, 'room:snapshot', {})).lobbyCount).toBe(1);
    await waitUntil(() => nia.companion.at(-1)?.waiting === false);
    expect(await ok(nia.socket, 'buddy:overview', {})).toMatchObject({
      pairs: [{ companion: ana.pid, newcomer: nia.pid }],
      companion: { pid: ana.pid, waiting: false },
    });
  });

  it('seats a newcomer next to the member already in the circle, even where members enter directly', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: false });
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    const { link } = await ok(ana.socket, 'buddy:invite', {});
    const nia = await arrive(link, 'Nia');
    if (nia.refused !== null) throw new Error(nia.refused);
    // A buddy invitation always waits for a facilitator, lobby or not.
    expect(nia.status).toBe('waiting');
    await waitUntil(() => nia.companion.length > 0);
    expect(nia.companion.at(-1)).toMatchObject({ pid: ana.pid, waiting: false, iAmNewcomer: true });
    await ok(fran.socket, 'lobby:admit', { pid: nia.pid });
    await waitUntil(() => nia.view() !== null);
    expect(fran.view()!.floor.seats).toEqual([fran.pid, ana.pid, nia.pid, ben.pid]);
  });

  it('lands a used invitation nowhere for anyone else, and keeps it for the newcomer who used it', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: false });
    await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const { link } = await ok(ana.socket, 'buddy:invite', {});
    // Ana opening her own invitation (her browser holds her identity) leaves it for her newcomer.
    expect((await arrive(link, 'Ana', undefined, ana.identity)).refused).toBe('CONFLICT');
    const nia = await arrive(link, 'Nia');
    if (nia.refused !== null) throw new Error(nia.refused);

    expect((await arrive(link, 'Eve')).refused).toBe('INVALID_TOKEN');
    expect((await lookUp(srv, link)).status).toBe(404);
    // A reload of Nia's page (her browser's identity) still opens it: the same person, not a second use.
    expect((await lookUp(srv, link, nia.identity)).status).toBe(200);
    nia.socket.close();
    const again = await arrive(link, 'Nia', undefined, nia.identity);
    expect(again.refused).toBeNull();
  });

  it('lets only one of two people racing with the same invitation in', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: false });
    await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const { link } = await ok(ana.socket, 'buddy:invite', {});
    const both = await Promise.all([arrive(link, 'Nia'), arrive(link, 'Eve')]);
    expect(both.map((b) => b.refused).sort()).toEqual(['INVALID_TOKEN', null]);
  });

  it('refuses an expired invitation', async () => {
    const clock = new ManualClock();
    srv = await start({}, clock);
    const g = await createGroup(srv.port);
    await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const { link, expiresAt } = await ok(ana.socket, 'buddy:invite', {});
    expect(expiresAt).toBe(clock.now() + BUDDY_INVITE_TTL_MS);
    clock.advance(BUDDY_INVITE_TTL_MS);
    expect((await lookUp(srv, link)).status).toBe(404);
    expect((await arrive(link, 'Nia')).refused).toBe('INVALID_TOKEN');
  });

  it(`lets a member hold at most ${BUDDY_INVITES_MAX} open invitations`, async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: false });
    await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    const ben = await join(g.links.member, 'Ben');
    const links: string[] = [];
    for (let i = 0; i < BUDDY_INVITES_MAX; i++) links.push((await ok(ana.socket, 'buddy:invite', {})).link);
    expect(await call(ana.socket, 'buddy:invite', {})).toEqual({ ok: false, error: 'LIMIT' });
    // The bound is per member, and a used invitation is no longer open.
    expect((await ok(ben.socket, 'buddy:invite', {})).open).toBe(1);
    expect((await arrive(links[0]!, 'Nia')).refused).toBeNull();
    expect((await ok(ana.socket, 'buddy:invite', {})).open).toBe(BUDDY_INVITES_MAX);
  });

  it('makes an invitation from the member link outside a meeting, for the identity this browser holds', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: false });
    await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana');
    await ok(ana.socket, 'room:leave', {});
    const post = (link: string, body: unknown) =>
      fetch(`http://127.0.0.1:${srv.port}/api/buddy`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(link)}` },
        body: JSON.stringify(body),
      });
    const made = await post(g.links.member, { identity: ana.identity });
    expect(made.status).toBe(201);
    const { link } = (await made.json()) as { link: string };
    // Not with another role's link, not for an identity the group does not know, not with bad input.
    expect((await post(g.links.observer, { identity: ana.identity })).status).toBe(403);
    expect((await post(g.links.member, { identity: 'nobody.x.y' })).status).toBe(404);
    expect((await post(g.links.member, { identity: ana.identity, extra: 1 })).status).toBe(400);
    expect((await post(link, { identity: ana.identity })).status).toBe(404);

    const nia = await arrive(link, 'Nia');
    expect(nia.refused).toBeNull();
    if (nia.refused === null) expect(nia.status).toBe('waiting');
  });

  it('never lets a member learn that it is someone’s first meeting, unless they said yes to everyone', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { lobby: true });
    const fran = await join(g.links.facilitator, 'Fran');
    const seen = facts(fran);
    const cy = await join(g.links.member, 'Cy');
    await ok(fran.socket, 'lobby:admit', { pid: cy.pid });
    await waitUntil(() => cy.view() !== null);
    const cyHeard = record(cy.socket);

    // Nia tells the facilitators only; the facilitators do learn it (the test would pass vacuously otherwise).
    const nia = await arrive(g.links.member, 'Nia', 'facilitators');
    if (nia.refused !== null) throw new Error(nia.refused);
    await ok(fran.socket, 'lobby:admit', { pid: nia.pid });
    await waitUntil(() => seen.at(-1)?.firstMeeting.includes(nia.pid) === true);
    await waitUntil(() => cy.view()?.participants.some((p) => p.pid === nia.pid) === true);
    cyHeard.push(await ok(cy.socket, 'buddy:overview', {}), await ok(cy.socket, 'room:snapshot', {}));
    await barrier(cy.socket);
    const marks = firstMeetingMarks(cyHeard);
    const naming = (pid: string) => (v: unknown) => JSON.stringify(v).includes(pid);
    expect(marks.filter((v) => v === true || typeof v === 'string')).toEqual([]);
    expect(marks.filter(naming(nia.pid))).toEqual([]);

    // Ola says yes to everyone: then, and only then, members see it.
    const ola = await arrive(g.links.member, 'Ola', 'everyone');
    if (ola.refused !== null) throw new Error(ola.refused);
    await ok(fran.socket, 'lobby:admit', { pid: ola.pid });
    await waitUntil(() => cy.view()?.participants.some((p) => p.pid === ola.pid) === true);
    await barrier(cy.socket);
    expect((await ok(cy.socket, 'buddy:overview', {})).firstMeeting).toEqual([ola.pid]);
    expect(firstMeetingMarks(cyHeard).some(naming(ola.pid))).toBe(true);
  });
});
