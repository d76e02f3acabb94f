import * as B from '@circle/shared';
import type { BalanceSummary } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { boardKeys } from '../src/board/keys.js';
import type { IdentityRecord } from '../src/identity/service.js';
import { meetingKeys } from '../src/meeting/keys.js';
import { DAY_MS } from '../src/retention/meetings.js';
import type { RunningServer } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { BoardPeer } from './support/board.js';
import { canaryName, filesHolding, historyWithCanary } from './support/canary.js';
import { ok } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { inProcess, tempDir } from './support/server.js';

const identityKey = (g: string, pid: string) => `group:${g}:identity:${pid}`;

/**
 * Two meetings a week's retention ago: the canary came to both, Fran (a facilitator) too, and Fran keeps a
 * balance with a snapshot from the first one's end. Both meetings are over; nobody is in the room.
 */
async function aWeekOfHistory(srv: RunningServer) {
  const canary = canaryName();
  let balance = '';
  const h = await historyWithCanary(srv.port, canary, {
    settings: { retentionDays: 7 },
    during: async (fran) => {
      ({ id: balance } = await ok(fran.socket, 'board:create', { title: 'Working late' }));
      const peer = new BoardPeer(fran.socket, balance);
      await peer.open();
      await peer.edit((d) => B.addItem(d, B.QUADRANTS[0]!, 'Sleep', 4));
    },
  });
  await ok(h.fran.socket, 'meeting:close', {});
  h.fran.socket.close();
  h.can.socket.close();
  const g = h.g.groupId;
  const past = await srv.store.get<{ meetingId: string }[]>(meetingKeys.meetings(g));
  expect(past).toHaveLength(2);
  return { ...h, canary, balance, g, meetingIds: past!.map((m) => m.meetingId) };
}

describe('the retention sweep', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('forgets old meetings, old snapshots and unused identities as the clock passes retention, from the files too', async () => {
    const dataDir = tempDir();
    const srv = await inProcess({ dataDir });
    cleanups.push(() => srv.close());
    const h = await aWeekOfHistory(srv);
    const t0 = Date.now();
    const { store } = srv;
    const snapshots = () => store.read(boardKeys.snapshots(h.g, h.balance));
    expect(await snapshots()).toHaveLength(1);
    // Joining stamps the identity's last use.
    const fran = await store.get<IdentityRecord>(identityKey(h.g, h.fran.pid));
    expect(fran!.lastUsedAt).toBeGreaterThanOrEqual(fran!.createdAt);

    // Within the week nothing goes.
    expect(await srv.retention.sweep(t0 + 3 * DAY_MS)).toBe(false);
    expect(await store.read(meetingKeys.attendance(h.g, h.meetingId))).not.toEqual([]);

    // Fran came back on day 6 (to another group's meeting, say); the canary never did.
    await store.put(identityKey(h.g, h.fran.pid), { ...fran, lastUsedAt: t0 + 6 * DAY_MS });
    expect(await srv.retention.sweep(t0 + 8 * DAY_MS)).toBe(true);

    for (const id of h.meetingIds) {
      expect(await store.read(meetingKeys.attendance(h.g, id))).toEqual([]);
      expect(await store.read(`group:${h.g}:exercises:${id}`)).toEqual([]);
    }
    expect(await store.read(meetingKeys.declarations(h.g))).toEqual([]);
    expect(await store.get(meetingKeys.meetings(h.g))).toEqual([]);
    // Fran's balance stays, without its old snapshots; the canary's identity and balance are gone.
    expect(await snapshots()).toEqual([]);
    expect(await store.get(boardKeys.lastSnapshot(h.g, h.balance))).toBeNull();
    const index = await store.get<Record<string, BalanceSummary>>(boardKeys.index(h.g));
    expect(Object.values(index!).map((b) => b.owner)).toEqual([h.fran.pid]);
    expect(await store.get(identityKey(h.g, h.can.pid))).toBeNull();
    expect(await store.get(identityKey(h.g, h.fran.pid))).not.toBeNull();
    expect(filesHolding(dataDir, h.canary)).toEqual([]);

    // A second pass finds nothing more to do.
    expect(await srv.retention.sweep(t0 + 8 * DAY_MS)).toBe(false);
  });

  it('runs at start and on its interval: a deletion cut short is finished without anyone asking', async () => {
    const dataDir = tempDir();
    // What a node killed in the middle of "Delete this group's data" leaves: data without its group.
    const leftover = (n: number) => `group:gone${n}:attendance:m`;
    const before = openSqliteStore(dataDir);
    await before.append(leftover(1), { name: canaryName() });
    await before.close();
    const srv = await inProcess({ dataDir, sweepIntervalMs: 100 });
    cleanups.push(() => srv.close());
    await waitUntil(
      async () => (await srv.store.read(leftover(1))).length === 0,
      5_000,
      'the sweep at start',
    );
    await srv.store.append(leftover(2), { name: canaryName() });
    await waitUntil(async () => (await srv.store.read(leftover(2))).length === 0, 5_000, 'a later sweep');
  });

  it('is harmless when every node sweeps at once (Redis, two nodes)', async () => {
    const redis: RedisProcess = await startRedis();
    const a = await inProcess({ redisUrl: redis.url });
    const b = await inProcess({ redisUrl: redis.url });
    cleanups.push(async () => {
      await a.close();
      await b.close();
      await redis.stop();
    });
    const h = await aWeekOfHistory(a);
    const later = Date.now() + 8 * DAY_MS;
    const [ra, rb] = await Promise.all([a.retention.sweep(later), b.retention.sweep(later)]);
    expect(ra || rb).toBe(true);
    expect(await a.store.get(meetingKeys.meetings(h.g))).toEqual([]);
    expect(await a.store.read(meetingKeys.declarations(h.g))).toEqual([]);
    for (const pid of [h.fran.pid, h.can.pid]) expect(await a.store.get(identityKey(h.g, pid))).toBeNull();
    // Nothing of the group's history is left under any key, and the group itself is untouched.
    const left = await a.store.keys(`group:${h.g}:`);
    expect(left.filter((k) => /attendance|exercises|identity|snapshots/.test(k))).toEqual([]);
    expect(left).toContain(`group:${h.g}:info`);
    expect(await Promise.all([a.retention.sweep(later), b.retention.sweep(later)])).toEqual([false, false]);
  });
});
