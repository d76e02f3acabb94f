import { LIMITS, type JournalEntryInput } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { canaryName, filesHolding } from './support/canary.js';
import { barrier, call, joinAs, ok, seatedGroup, tokenOf, type Joined } from './support/client.js';
import { inProcess, tempDir } from './support/server.js';

const entry = (over: Partial<JournalEntryInput> = {}): JournalEntryInput => ({
  kind: 'meeting',
  took: 'Hearing Ana helped.',
  goal: 'Sleep before midnight',
  picks: ['meetingThisWeek'],
  mood: null,
  shared: false,
  ...over,
});

describe('My journal', () => {
  let srv: RunningServer;
  let dir: string;
  const open: Joined[] = [];
  const join = async (link: string, name: string, identity?: string) => {
    const j = await joinAs(srv.port, link, name, identity);
    open.push(j);
    return j;
  };
  const start = async () => {
    dir = tempDir();
    srv = await inProcess({ dataDir: dir, rateLimitPerSec: 1000 });
    return seatedGroup(srv.port, { facilitators: ['Fran'], members: ['Ana', 'Ben'] }, {}, join);
  };
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv.close();
  });

  it('shows a member their last entry and goal at the next meeting, with the same identity', async () => {
    const { g, fran, ana } = await start();
    await ok(fran.socket, 'meeting:open', {});
    await ok(ana.socket, 'journal:write', entry({ took: 'First words.' }));
    const last = await ok(ana.socket, 'journal:write', entry());
    expect(last).toMatchObject({ took: 'Hearing Ana helped.', goal: 'Sleep before midnight', shared: false });
    await ok(fran.socket, 'meeting:close', {});

    const again = await join(g.links.member, 'Ana', ana.identity);
    expect(again.pid).toBe(ana.pid);
    const { entries } = await ok(again.socket, 'journal:mine', {});
    expect(entries.map((e) => e.took)).toEqual(['Hearing Ana helped.', 'First words.']);
    expect(entries[0]!.id).toBe(last.id);
  });

  it('never shows one member’s journal to another, and shows facilitators only shared entries', async () => {
    const { fran, ana, ben } = await start();
    const kept = await ok(ana.socket, 'journal:write', entry({ took: 'Only mine.' }));
    const told = await ok(
      ana.socket,
      'journal:write',
      entry({ took: 'For the facilitators.', shared: true }),
    );

    // Ben's own journal holds nothing of Ana's, and he can neither read nor change her entries.
    expect((await ok(ben.socket, 'journal:mine', {})).entries).toEqual([]);
    expect(await call(ben.socket, 'journal:shared', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await call(ben.socket, 'journal:share', { id: kept.id, on: true })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    expect(await call(ben.socket, 'journal:delete', { id: kept.id })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    // Not even a pid in the payload can name someone else's journal.
    expect(await call(ben.socket, 'journal:mine', { pid: ana.pid })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });

    const seen: string[] = [];
    ben.socket.onAny((event: string, ...args: unknown[]) => seen.push(JSON.stringify([event, args])));
    const shared = await ok(fran.socket, 'journal:shared', {});
    expect(shared.entries.map((e) => [e.took, e.pid, e.name])).toEqual([
      ['For the facilitators.', ana.pid, 'Ana'],
    ]);
    expect(shared.entries[0]!.id).toBe(told.id);

    // Sharing is the member's switch, both ways.
    await ok(ana.socket, 'journal:share', { id: kept.id, on: true });
    await ok(ana.socket, 'journal:share', { id: told.id, on: false });
    expect((await ok(fran.socket, 'journal:shared', {})).entries.map((e) => e.took)).toEqual(['Only mine.']);
    await barrier(ben.socket);
    expect(seen.join()).not.toMatch(/Only mine|For the facilitators/);
  });

  it('keeps a newcomer’s "How was it?" as a first-meeting entry with its face', async () => {
    const { ana } = await start();
    await ok(
      ana.socket,
      'journal:write',
      entry({ kind: 'firstMeeting', took: '', goal: '', picks: [], mood: 'good' }),
    );
    const [first] = (await ok(ana.socket, 'journal:mine', {})).entries;
    expect(first).toMatchObject({ kind: 'firstMeeting', mood: 'good' });
    // An entry that says nothing at all is refused.
    const blank = entry({ took: ' ', goal: '', picks: [], mood: null });
    expect(await call(ana.socket, 'journal:write', blank)).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });

  it('takes an entry from the closing screen over HTTP, for the identity that sends it only', async () => {
    const { g, fran, ana } = await start();
    await ok(fran.socket, 'meeting:open', {});
    const meetingId = fran.view()!.meetingId;
    await ok(fran.socket, 'meeting:close', {});
    const post = (link: string, body: unknown) =>
      fetch(`http://127.0.0.1:${srv.port}/api/journal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(link)}` },
        body: JSON.stringify(body),
      });
    const body = {
      identity: ana.identity,
      name: 'Ana',
      meetingId,
      entry: entry({ kind: 'firstMeeting', mood: 'mixed' }),
    };
    const res = await post(g.links.member, body);
    expect(res.status).toBe(201);
    // A made-up identity writes nothing anywhere; bad bodies and links are refused.
    expect((await post(g.links.member, { ...body, identity: 'made-up' })).status).toBe(404);
    expect(
      (
        await post(g.links.member, {
          ...body,
          entry: { ...body.entry, took: 'x'.repeat(LIMITS.journalTextMax + 1) },
        })
      ).status,
    ).toBe(400);
    expect((await post('/join#not-a-link', body)).status).toBe(404);

    const again = await join(g.links.member, 'Ana', ana.identity);
    const { entries } = await ok(again.socket, 'journal:mine', {});
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'firstMeeting', mood: 'mixed', meetingId });
  });

  it('refuses texts and entries beyond the limits', async () => {
    const { ana } = await start();
    const long = 'x'.repeat(LIMITS.journalTextMax + 1);
    expect(await call(ana.socket, 'journal:write', entry({ took: long }))).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(await call(ana.socket, 'journal:write', { ...entry(), extra: 1 })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    for (let i = 0; i < LIMITS.journalEntriesMax; i++)
      await ok(ana.socket, 'journal:write', entry({ took: `${i}` }));
    expect(await call(ana.socket, 'journal:write', entry())).toEqual({ ok: false, error: 'LIMIT' });
    expect((await ok(ana.socket, 'journal:mine', {})).entries).toHaveLength(LIMITS.journalEntriesMax);
  });

  it('goes with the identity: erased, and no byte of it left in the SQLite files', async () => {
    const { g, fran, ana } = await start();
    const words = canaryName();
    await ok(ana.socket, 'journal:write', entry({ took: words, shared: true }));
    expect(filesHolding(dir, words).length).toBeGreaterThan(0);

    await ok(ana.socket, 'identity:erase', {});
    expect((await ok(fran.socket, 'journal:shared', {})).entries).toEqual([]);
    expect(filesHolding(dir, words)).toEqual([]);
    // The old identity token opens nothing: whoever comes back starts an empty journal.
    const back = await join(g.links.member, 'Ana', ana.identity);
    expect(back.pid).not.toBe(ana.pid);
    expect((await ok(back.socket, 'journal:mine', {})).entries).toEqual([]);
  });
});
