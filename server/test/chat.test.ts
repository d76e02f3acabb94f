import type { ChatMessage, FairnessView, Whisper } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { barrier, call, ok } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

describe('the written word, stepping out and the fairness view', () => {
  let srv: RunningServer;
  const { start, join, seated } = serverPerTest();

  it('group chat: seated people write, observers read, facilitators delete and switch it off', async () => {
    srv = await start();
    // Words in clear: an encrypted group takes only sealed ones (see e2ee-chat.test.ts).
    const { g, fran, ana, obi } = await seated(
      { facilitators: ['Fran'], members: ['Ana'], observers: ['Obi'] },
      { e2ee: false },
    );
    const seen: ChatMessage[] = [];
    obi.socket.on('chat:message', (m) => seen.push(m));
    const deleted: string[] = [];
    obi.socket.on('chat:deleted', (id) => deleted.push(id));

    await ok(ana.socket, 'chat:send', { text: 'I would rather write today.' });
    await waitUntil(() => seen.length === 1);
    expect(seen[0]).toMatchObject({ pid: ana.pid, name: 'Ana', text: 'I would rather write today.' });
    expect(await call(obi.socket, 'chat:send', { text: 'hi' })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await call(ana.socket, 'chat:send', { text: '   ' })).toEqual({ ok: false, error: 'BAD_REQUEST' });
    expect(await call(ana.socket, 'chat:delete', { id: seen[0]!.id })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });

    // A late joiner gets what was said so far.
    expect((await ok(obi.socket, 'chat:history', {})).messages.map((m) => m.text)).toEqual([
      'I would rather write today.',
    ]);
    await ok(fran.socket, 'chat:delete', { id: seen[0]!.id });
    await waitUntil(() => deleted.length === 1);
    expect((await ok(obi.socket, 'chat:history', {})).messages).toEqual([]);

    await ok(fran.socket, 'chat:toggle', { on: false });
    await waitUntil(() => !ana.view()!.meeting.chatEnabled);
    expect(await call(ana.socket, 'chat:send', { text: 'hello?' })).toEqual({ ok: false, error: 'CONFLICT' });
    await ok(fran.socket, 'chat:toggle', { on: true });
    await ok(ana.socket, 'chat:send', { text: 'hello again' });
    // Never stored: nothing of it in the room record.
    const stored = JSON.stringify(await srv.store.get(`group:${g.groupId}:room`));
    expect(stored).not.toContain('hello again');
  });

  it('private word both ways: a member and the facilitators, nobody else', async () => {
    srv = await start();
    const { fran, co, ana, ben } = await seated(
      { facilitators: ['Fran', 'Co'], members: ['Ana', 'Ben'] },
      { e2ee: false },
    );
    const got = new Map<string, Whisper[]>();
    for (const j of [fran, co, ana, ben]) {
      got.set(j.pid, []);
      j.socket.on('chat:whisper', (w) => got.get(j.pid)!.push(w));
    }
    await ok(ana.socket, 'chat:whisper', { text: 'I am struggling a bit' });
    await ok(fran.socket, 'chat:whisper', { to: ana.pid, text: 'Thank you for telling us' });
    await waitUntil(() => got.get(ana.pid)!.length === 2 && got.get(co.pid)!.length === 2);
    expect(got.get(fran.pid)!.map((w) => [w.member, w.fromName, w.text])).toEqual([
      [ana.pid, 'Ana', 'I am struggling a bit'],
      [ana.pid, 'Fran', 'Thank you for telling us'],
    ]);
    await barrier(ben.socket);
    expect(got.get(ben.pid)).toEqual([]);
    expect((await ok(ben.socket, 'chat:history', {})).whispers).toEqual([]);
    expect((await ok(ana.socket, 'chat:history', {})).whispers).toHaveLength(2);
    // A member writes only to the facilitators; a facilitator must say to whom.
    expect(await call(ana.socket, 'chat:whisper', { to: ben.pid, text: 'psst' })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(fran.socket, 'chat:whisper', { text: 'to whom?' })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(await call(fran.socket, 'chat:whisper', { to: co.pid, text: 'x' })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
  });

  it('stepping out keeps the seat, the go-around skips, one click brings the person back', async () => {
    srv = await start();
    const { g, fran, ana, ben } = await seated({ facilitators: ['Fran'], members: ['Ana', 'Ben'] });
    await ok(ana.socket, 'care:stepOut', {});
    await waitUntil(() => fran.view()!.floor.presence[ana.pid] === 'away');
    expect(fran.view()!.floor.seats).toContain(ana.pid);
    expect(await call(ana.socket, 'care:stepOut', {})).toEqual({ ok: false, error: 'CONFLICT' });
    expect(await call(ana.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'CONFLICT' });
    // A reload does not bring her back by itself.
    ana.socket.close();
    const again = await join(g.links.member, 'Ana', ana.identity);
    await waitUntil(() => fran.view()!.participants.find((p) => p.pid === ana.pid)?.online === true);
    expect(fran.view()!.floor.presence[ana.pid]).toBe('away');
    await ok(fran.socket, 'floor:round', { from: ana.pid });
    await waitUntil(() => fran.view()!.floor.holder?.pid === ben.pid);
    expect(fran.view()!.floor.round!.marks[ana.pid]).toBe('skipped');
    await ok(again.socket, 'care:back', {});
    await waitUntil(() => fran.view()!.floor.presence[ana.pid] === 'here');
    expect(await call(again.socket, 'care:back', {})).toEqual({ ok: false, error: 'CONFLICT' });
  });

  it('fairness: talk time and alerts reach the facilitators only, and are never stored', async () => {
    srv = await start();
    const { g, fran, co, ana, ben, cy } = await seated({
      facilitators: ['Fran', 'Co'],
      members: ['Ana', 'Ben', 'Cy'],
    });
    let latest: FairnessView | null = null;
    co.socket.on('fairness:state', (v) => (latest = v));
    const memberSaw: unknown[] = [];
    for (const m of [ana, ben, cy]) m.socket.on('fairness:state', (v) => memberSaw.push(v));

    // As media reports it from audio levels, in 250 ms steps.
    for (let i = 0; i < 400; i++) srv.fairness.addTalk(g.groupId, ana.pid, 250, false);
    for (let i = 0; i < 20; i++) srv.fairness.addTalk(g.groupId, ben.pid, 250, false);
    await waitUntil(() => latest !== null && latest.totalMs === 105_000);
    const view = latest as unknown as FairnessView;
    expect(view.talk.map((t) => [t.pid, t.ms])).toEqual([
      [fran.pid, 0],
      [co.pid, 0],
      [ana.pid, 100_000],
      [ben.pid, 5_000],
      [cy.pid, 0],
    ]);
    expect(view.overShare).toEqual([ana.pid]);
    expect(view.outOfTurn).toEqual([]);

    // Strict circle: Cy talks over the holder for two seconds.
    for (let i = 0; i < 8; i++) srv.fairness.addTalk(g.groupId, cy.pid, 250, true);
    await waitUntil(() => (latest as FairnessView | null)?.outOfTurn.some((o) => o.pid === cy.pid) === true);
    expect((await ok(fran.socket, 'fairness:view', {})).outOfTurn.map((o) => o.pid)).toEqual([cy.pid]);
    expect(await call(ana.socket, 'fairness:view', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    await Promise.all([ana, ben, cy].map((m) => barrier(m.socket)));
    expect(memberSaw).toEqual([]);
    const stored = JSON.stringify(await srv.store.get(`group:${g.groupId}:room`));
    expect(stored).not.toContain('100000');

    // A closed meeting forgets it all; the next meeting starts from nothing.
    await ok(fran.socket, 'meeting:close', {});
    const next = await join(g.links.facilitator, 'Fran', fran.identity);
    expect((await ok(next.socket, 'fairness:view', {})).totalMs).toBe(0);
    srv.fairness.addTalk('no-such-group', 'x', 250, false); // ignored
  });
});
