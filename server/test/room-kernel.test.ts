import type { NoticeMessage } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.js';
import type { RunningServer } from '../src/server.js';
import { call, connect, createGroup, joinAs, ok, tokenOf, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/** The room's one transaction: what is written only after the fenced commit, and time from the injected clock. */
describe('room kernel', () => {
  let srv: RunningServer | undefined;
  const open: Joined[] = [];
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv?.close();
    srv = undefined;
  });

  it('a join that loses the fence (another node moved the room on) leaves no attendance or declaration behind', async () => {
    srv = await inProcess();
    const g = await createGroup(srv.port);
    open.push(await joinAs(srv.port, g.links.facilitator, 'Fran'));
    const key = `group:${g.groupId}:room`;
    // Another node wrote a newer record meanwhile: this node's next commit must fail, and log nothing.
    const stored = await srv.store.get<{ seq: number }>(key);
    await srv.store.put(key, { ...stored, seq: stored!.seq + 10 });

    const socket = connect(srv.port);
    open.push({ socket, pid: '', identity: '', view: () => null, history: [] });
    const res = await call(socket, 'room:join', {
      token: tokenOf(g.links.member),
      name: 'Canary Ana',
      accept: true,
      declarationVersion: 1,
    });
    expect(res).toEqual({ ok: false, error: 'UNAVAILABLE' });
    const logs = (await srv.store.keys(`group:${g.groupId}:`)).filter((k) =>
      /attendance|declarations/.test(k),
    );
    const logged: { name: string }[] = [];
    for (const k of logs) logged.push(...(await srv.store.read<{ name: string }>(k)));
    expect(logged.map((r) => r.name)).toContain('Fran');
    expect(logged.map((r) => r.name)).not.toContain('Canary Ana');
  });

  it('turn warnings and time-up come from the injected clock, with no sleeping', async () => {
    const clock = new ManualClock();
    srv = await inProcess({}, undefined, clock);
    const g = await createGroup(srv.port, { turnLimitSec: 60 });
    const fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    const ana = await joinAs(srv.port, g.links.member, 'Ana');
    open.push(fran, ana);
    const notices: NoticeMessage[] = [];
    // Announcements ride in the change's patch (or, right after a snapshot, come on their own).
    ana.socket.on('floor:notice', (n) => notices.push(n));
    ana.socket.on('room:patch', (p) => notices.push(...(p.notices ?? []).map((n) => ({ ...n, at: p.at }))));
    // (time warnings are not worked out from the change: they always travel)
    await ok(fran.socket, 'floor:give', { pid: ana.pid });

    clock.advance(47_000); // before 80 % of a minute: nothing yet
    await call(ana.socket, 'chat:history', {}); // a barrier on Ana's connection
    expect(notices.map((n) => n.kind)).not.toContain('time-warning');
    clock.advance(2_000); // past 48 s
    await waitUntil(() => notices.some((n) => n.kind === 'time-warning'));
    clock.advance(12_000); // past 60 s
    await waitUntil(() => notices.some((n) => n.kind === 'time-up'));
    expect(notices.filter((n) => n.kind === 'time-up').map((n) => 'pid' in n && n.pid)).toEqual([ana.pid]);
  });
});
