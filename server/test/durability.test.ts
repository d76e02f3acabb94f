import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGroup, joinAs, ok, type Joined } from './support/client.js';
import { freePort, waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { spawnServer, tempDir } from './support/server.js';
import { openStore } from '../src/store/index.js';

/**
 * `kill -9` of the server mid-meeting, on both stores: groups, seats, the queue, who holds the word,
 * declarations and attendance must all be there when it comes back.
 */
const stores: [string, () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>][] = [
  ['embedded SQLite', async () => ({ env: { CIRCLE_DATA_DIR: tempDir() }, cleanup: async () => {} })],
  [
    'Redis',
    async () => {
      const redis: RedisProcess = await startRedis();
      return { env: { REDIS_URL: redis.url }, cleanup: () => redis.stop() };
    },
  ],
];

describe.each(stores)('restart durability on %s', (_name, setup) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps everything acknowledged across kill -9', async () => {
    const { env, cleanup } = await setup();
    cleanups.push(cleanup);
    const port = await freePort();
    let server = await spawnServer(env, port);
    cleanups.push(() => server.stop());

    const g = await createGroup(port, { name: 'Thursday harm reduction' });
    const fac = await joinAs(port, g.links.facilitator, 'Fran');
    const ana = await joinAs(port, g.links.member, 'Ana');
    const ben = await joinAs(port, g.links.member, 'Ben');
    const cy = await joinAs(port, g.links.member, 'Cy');
    const people: Joined[] = [fac, ana, ben, cy];
    await ok(fac.socket, 'seats:reorder', { order: [fac.pid, cy.pid, ana.pid, ben.pid] });
    await ok(ben.socket, 'floor:raise', {});
    await ok(ana.socket, 'floor:raise', {});
    await ok(fac.socket, 'floor:give', { pid: cy.pid });
    const before = fac.view()!;

    await server.kill9();
    for (const p of people) p.socket.close();
    // The hands and the word went to SQLite's journal as floor commands: the restart replays them.
    if (env.CIRCLE_DATA_DIR)
      expect(statSync(join(env.CIRCLE_DATA_DIR, 'circle.journal')).size).toBeGreaterThan(0);
    server = await spawnServer(env, port);

    // The invitation links still work (same secret), and everyone comes back as themselves.
    const again = await Promise.all(
      people.map((p, i) =>
        joinAs(
          port,
          i === 0 ? g.links.facilitator : g.links.member,
          ['Fran', 'Ana', 'Ben', 'Cy'][i]!,
          p.identity,
        ),
      ),
    );
    expect(again.map((j) => j.pid)).toEqual(people.map((p) => p.pid));
    const facView = () => again[0]!.view();
    await waitUntil(() => facView()?.participants.every((p) => p.online) === true);
    const after = facView()!;
    expect(after.meetingId).toBe(before.meetingId);
    expect(after.groupName).toBe('Thursday harm reduction');
    expect(after.floor.seats).toEqual([fac.pid, cy.pid, ana.pid, ben.pid]);
    expect(after.floor.queue).toEqual([ben.pid, ana.pid]);
    expect(after.floor.holder?.pid).toBe(cy.pid);
    expect(after.seq).toBeGreaterThan(before.seq);

    // The word then moves on exactly as before the crash.
    await ok(again[3]!.socket, 'floor:done', {});
    await waitUntil(() => facView()!.floor.holder?.pid === ben.pid);
    for (const j of again) j.socket.close();

    await server.stop();
    const store = openStore({ redisUrl: env.REDIS_URL, dataDir: env.CIRCLE_DATA_DIR ?? '' });
    try {
      const declarations = await store.read<{ name: string }>(`group:${g.groupId}:declarations`);
      expect(declarations.map((d) => d.name)).toEqual(['Fran', 'Ana', 'Ben', 'Cy']);
      const attendance = await store.read<{ name: string; type: string }>(
        `group:${g.groupId}:attendance:${before.meetingId}`,
      );
      expect(attendance.map((a) => `${a.name}:${a.type}`)).toEqual([
        'Fran:joined',
        'Ana:joined',
        'Ben:joined',
        'Cy:joined',
      ]);
    } finally {
      await store.close();
    }
  });
});
