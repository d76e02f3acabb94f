import type { MeetingClosed } from '@circle/shared';
import { clockElapsedMs, nextMeetingAt, turnUsedMs } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.js';
import type { RunningServer } from '../src/server.js';
import { call, createGroup, ok, tokenOf } from './support/client.js';
import { getAs, held, parseCsv, sendAbsence } from './support/meeting.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

const schedule = { weekday: 2, time: '19:30', timeZone: 'Europe/Paris' };

describe('the meeting: opening, pausing, closing, attendance', () => {
  let srv: RunningServer;
  const { start, join, seated } = serverPerTest();

  it('shows the opening words to everyone once a facilitator opens the meeting, and runs its clock', async () => {
    srv = await start();
    const { fran, ana } = await seated(
      { facilitators: ['Fran'], members: ['Ana'] },
      { openingWords: 'Welcome, everyone.', meetingMinutes: 90 },
    );
    expect(ana.view()!.meeting).toMatchObject({
      phase: 'gathering',
      openingWords: '',
      durationMs: 90 * 60_000,
    });
    await ok(fran.socket, 'meeting:open', {});
    await waitUntil(() => ana.view()!.meeting.phase === 'open');
    expect(ana.view()!.meeting.openingWords).toBe('Welcome, everyone.');
    expect(ana.view()!.meeting.clock.openedAt).not.toBeNull();
    expect(await call(fran.socket, 'meeting:open', {})).toEqual({ ok: false, error: 'CONFLICT' });
  });

  it('pause freezes the turn timer and the meeting clock; resuming carries on from there', async () => {
    const clock = new ManualClock();
    srv = await start({}, clock);
    const { g, fran, ana } = await seated(
      { facilitators: ['Fran'], members: ['Ana'] },
      { turnLimitSec: 60, autoHandover: true },
    );
    await ok(fran.socket, 'meeting:open', {});
    await ok(fran.socket, 'floor:give', { pid: ana.pid });
    clock.advance(150);
    await ok(fran.socket, 'meeting:pause', { on: true });
    await waitUntil(() => fran.view()!.meeting.paused);
    const paused = fran.view()!;
    expect(paused.floor.paused).toBe(true);
    expect(paused.floor.holder!.runningSince).toBeNull();
    const turnUsed = turnUsedMs(paused.floor.holder!, paused.at);
    const meetingUsed = clockElapsedMs(paused.meeting.clock, paused.at);
    expect(turnUsed).toBe(150);

    clock.advance(400);
    // Someone dropping out and back during the pause does not restart the clock either.
    ana.socket.close();
    const back = await join(g.links.member, 'Ana', ana.identity);
    await waitUntil(() => fran.view()!.participants.find((p) => p.pid === ana.pid)?.online === true);
    const later = fran.view()!;
    expect(turnUsedMs(later.floor.holder!, later.at + 10_000)).toBe(turnUsed);
    expect(clockElapsedMs(later.meeting.clock, later.at + 10_000)).toBe(meetingUsed);
    // Pause is acknowledged only once it is stored.
    const stored = await srv.store.get<{ floor: { paused: boolean } }>(`group:${g.groupId}:room`);
    expect(stored?.floor.paused).toBe(true);
    expect(await call(fran.socket, 'meeting:pause', { on: true })).toEqual({ ok: false, error: 'CONFLICT' });

    await ok(fran.socket, 'meeting:pause', { on: false });
    await waitUntil(() => !fran.view()!.meeting.paused);
    const resumed = fran.view()!;
    expect(resumed.floor.holder!.runningSince).not.toBeNull();
    // The clocks go on from where they stopped (the snapshot's `at` may be a millisecond after the resume).
    expect(resumed.floor.holder!.usedMs).toBe(turnUsed);
    expect(clockElapsedMs(resumed.meeting.clock, resumed.at + 1_000)).toBe(meetingUsed + 1_000);
    expect(held(back.view())).toBe(ana.pid);
  });

  it('closes with the closing words and the next date for everyone, then the room empties', async () => {
    srv = await start();
    const { g, fran, ana } = await seated(
      { facilitators: ['Fran'], members: ['Ana'] },
      { closingWords: 'Keep coming back.', schedule, lobby: true },
    );
    const waiting = await join(g.links.member, 'Ben');
    await ok(fran.socket, 'lobby:admit', { pid: ana.pid });
    await ok(fran.socket, 'meeting:open', {});
    const meetingId = fran.view()!.meetingId;
    const closed = [fran, ana, waiting].map(
      (j) => new Promise<MeetingClosed>((r) => j.socket.once('meeting:closed', r)),
    );
    const before = Date.now();
    await ok(fran.socket, 'meeting:close', {});
    const got = await Promise.all(closed);
    for (const c of got) {
      expect(c).toMatchObject({
        meetingId,
        reason: 'closed',
        closingWords: 'Keep coming back.',
        lastSession: false,
      });
      expect(c.nextMeetingAt).toBe(nextMeetingAt(schedule, before));
    }
    expect(new Date(got[0]!.nextMeetingAt!).getUTCDay()).toBe(2);
    // Nobody speaks for anyone any more; the meeting's record is gone and it is listed as past.
    expect(await call(ana.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'NOT_JOINED' });
    expect(await srv.store.get(`group:${g.groupId}:room`)).toBeNull();
    const list = await getAs(srv.port, '/api/meetings', tokenOf(g.links.facilitator));
    expect(((await list.json()) as { past: { meetingId: string }[] }).past.map((m) => m.meetingId)).toEqual([
      meetingId,
    ]);
    // Coming back starts the next meeting, gathering again.
    const next = await join(g.links.facilitator, 'Fran', fran.identity);
    await waitUntil(() => next.view() !== null);
    expect(next.view()!.meetingId).not.toBe(meetingId);
    expect(next.view()!.meeting.phase).toBe('gathering');
  });

  it('a group re-formed for a number of sessions says when it has had its last one', async () => {
    srv = await start();
    const g = await createGroup(srv.port, { kind: 'reformed', sessions: 2, schedule });
    for (const last of [false, true]) {
      const fran = await join(g.links.facilitator, 'Fran');
      await ok(fran.socket, 'meeting:open', {});
      const closed = new Promise<MeetingClosed>((r) => fran.socket.once('meeting:closed', r));
      await ok(fran.socket, 'meeting:close', {});
      const c = await closed;
      expect(c.lastSession).toBe(last);
      expect(c.nextMeetingAt === null).toBe(last);
    }
  });

  it('keeps attendance: who came, when, the declaration, and how each took part (CSV for facilitators)', async () => {
    srv = await start();
    const { g, fran, ana, ben } = await seated({ facilitators: ['Fran'], members: ['Ana', 'Ben'] });
    const cy = await join(g.links.member, '=Cy');
    const obi = await join(g.links.observer, 'Obi');
    await ok(fran.socket, 'meeting:open', {});
    await ok(cy.socket, 'care:stepOut', {});
    await ok(fran.socket, 'floor:round', { from: ana.pid });
    await waitUntil(() => held(fran.view()) === ana.pid);
    await ok(ana.socket, 'floor:done', {});
    await waitUntil(() => held(fran.view()) === ben.pid);
    await ok(ben.socket, 'floor:pass', {});
    // Cy stepped out: the go-around skips her and comes back round to the facilitator.
    await waitUntil(() => held(fran.view()) === fran.pid);
    expect(fran.view()!.floor.round!.marks[cy.pid]).toBe('skipped');
    await ok(fran.socket, 'floor:done', {});
    await ok(cy.socket, 'care:back', {});
    await ok(ben.socket, 'room:leave', {});
    const meetingId = fran.view()!.meetingId;
    const csvPath = `/api/meetings/${meetingId}/attendance.csv`;

    // Members and observers cannot export; facilitators can, during the meeting…
    expect((await getAs(srv.port, csvPath, tokenOf(g.links.member))).status).toBe(403);
    expect((await getAs(srv.port, csvPath, 'not-a-token')).status).toBe(403);
    const during = await getAs(srv.port, csvPath, tokenOf(g.links.facilitator));
    expect(during.status).toBe(200);
    expect(during.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(await during.text());
    expect(rows[0]).toEqual(['Name', 'Role', 'Joined', 'Left', 'Declaration accepted', 'Took part']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('Fran')!.slice(4)).toEqual(['yes (version 1)', 'shared']);
    expect(byName.get('Ana')!.slice(4)).toEqual(['yes (version 1)', 'shared']);
    expect(byName.get('Ben')![5]).toBe('passed');
    expect(byName.get('Ben')![3]).not.toBe(''); // Ben has left
    expect(byName.get('Ana')![3]).toBe(''); // Ana is still here
    // A name that looks like a formula is defused.
    expect(byName.get("'=Cy")![5]).toBe('stepped out');
    expect(byName.get('Obi')![5]).toBe('observed');

    // …and after it closed.
    await ok(fran.socket, 'meeting:close', {});
    const after = parseCsv(await (await getAs(srv.port, csvPath, tokenOf(g.links.facilitator))).text());
    expect(after.slice(1).every((r) => r[3] !== '')).toBe(true);
    expect(after.find((r) => r[0] === 'Ana')![5]).toBe('shared');
    expect(
      (await getAs(srv.port, '/api/meetings/unknown/attendance.csv', tokenOf(g.links.facilitator))).status,
    ).toBe(404);
    void obi;
  });

  it('passes an absence notice from the member link to the facilitators, until the meeting closes', async () => {
    srv = await start();
    const g = await createGroup(srv.port);
    const absence = (link: string, body: unknown) => sendAbsence(srv.port, tokenOf(link), body);
    expect((await absence(g.links.member, { name: 'Dee', note: 'Sick this week' })).status).toBe(201);
    expect((await absence(g.links.observer, { name: 'Obi' })).status).toBe(403);
    expect((await absence(g.links.member, { name: '' })).status).toBe(400);
    expect((await sendAbsence(srv.port, 'nope', { name: 'X' })).status).toBe(404);
    const fran = await join(g.links.facilitator, 'Fran');
    const view = await ok(fran.socket, 'moderation:view', {});
    expect(view.absences.map((a) => [a.name, a.note])).toEqual([['Dee', 'Sick this week']]);
    // One arriving during the meeting is pushed to the facilitators.
    const pushed = new Promise<number>((r) =>
      fran.socket.once('moderation:state', (v) => r(v.absences.length)),
    );
    await absence(g.links.member, { name: 'Eli' });
    expect(await pushed).toBe(2);
    await ok(fran.socket, 'meeting:close', {});
    const again = await join(g.links.facilitator, 'Fran', fran.identity);
    expect((await ok(again.socket, 'moderation:view', {})).absences).toEqual([]);
  });

  it('lets a facilitator change the group settings from the room; everyone sees the support contacts', async () => {
    srv = await start();
    const { g, fran, ana } = await seated({ facilitators: ['Fran'], members: ['Ana'] });
    expect(await ok(fran.socket, 'meeting:settings', {})).toMatchObject({ kind: 'open', retentionDays: 90 });
    const updated = await ok(fran.socket, 'meeting:settings', {
      supportContacts: 'Helpline 0800 000 000',
      schedule,
      retentionDays: 30,
    });
    expect(updated).toMatchObject({ supportContacts: 'Helpline 0800 000 000', schedule, retentionDays: 30 });
    await waitUntil(() => ana.view()!.meeting.supportContacts === 'Helpline 0800 000 000');
    const info = await srv.store.get<{ settings: { retentionDays: number } }>(`group:${g.groupId}:info`);
    expect(info?.settings.retentionDays).toBe(30);
    expect(await call(fran.socket, 'meeting:settings', { declaration: 'x'.repeat(30) })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(
      await call(fran.socket, 'meeting:settings', { schedule: { ...schedule, timeZone: 'Mars/Olympus' } }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
  });
});
