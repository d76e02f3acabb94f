import Database from 'better-sqlite3';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateGroupResult, ExerciseSummary } from '@circle/shared';
import type { RunningServer } from '../src/server.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { canaryName, filesHolding, historyWithCanary } from './support/canary.js';
import { createGroup, joinAs, ok, tokenOf, type Joined } from './support/client.js';
import { getAs, parseCsv } from './support/meeting.js';
import { waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { inProcess, tempDir } from './support/server.js';

type Setup = { srv: RunningServer; dir: string; settled: () => Promise<void>; stop: () => Promise<void> };

/** After a Redis deletion: the rewrite it asked for has finished (the files hold only what is left). */
async function rewriteDone(url: string) {
  const client = new Redis(url);
  try {
    await waitUntil(
      async () =>
        /aof_rewrite_in_progress:0[\s\S]*aof_rewrite_scheduled:0/.test(await client.info('persistence')),
      20_000,
      'the append-only file rewrite',
    );
  } finally {
    client.disconnect();
  }
}

const stores: [string, () => Promise<Setup>][] = [
  [
    'SQLite',
    async () => {
      const dir = tempDir();
      const srv = await inProcess({ dataDir: dir });
      return { srv, dir, settled: async () => {}, stop: () => srv.close() };
    },
  ],
  [
    'Redis',
    async () => {
      const redis: RedisProcess = await startRedis();
      const srv = await inProcess({ redisUrl: redis.url });
      return {
        srv,
        dir: redis.dir,
        settled: () => rewriteDone(redis.url),
        stop: async () => {
          await srv.close();
          await redis.stop();
        },
      };
    },
  ],
];

describe.each(stores)('deleted means deleted from the %s files', (_name, setup) => {
  let env: Setup;
  const open: Joined[] = [];
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await env.stop();
  });

  /** The canary is on disk (so the search does find it), then `act` deletes it, then it is on disk no more. */
  async function forgottenAfter(act: (h: Awaited<ReturnType<typeof historyWithCanary>>) => Promise<unknown>) {
    env = await setup();
    const canary = canaryName();
    const history = await historyWithCanary(env.srv.port, canary);
    open.push(history.fran, history.can);
    // Redis writes its append-only file within a second.
    await waitUntil(() => filesHolding(env.dir, canary).length > 0, 5_000, 'the canary on disk');
    await act(history);
    await env.settled();
    // Redis removes the replaced files in the background, just after the rewrite.
    await waitUntil(() => filesHolding(env.dir, canary).length === 0, 5_000, 'no canary').catch(() => {});
    expect(filesHolding(env.dir, canary)).toEqual([]);
  }

  it("leaves no byte of a deleted group's names in the database files", async () => {
    await forgottenAfter(({ fran }) => ok(fran.socket, 'meeting:deleteGroup', { confirm: true }));
  });

  it("leaves no byte of an erased identity's name in the database files", async () => {
    await forgottenAfter(({ can }) => ok(can.socket, 'identity:erase', {}));
    // Only the erased person went: Fran is still named.
    expect(filesHolding(env.dir, 'Fran').length).toBeGreaterThan(0);
  });
});

describe('erasing an identity', () => {
  it('keeps their attendance rows and accepted declarations unnamed, and their exercise role as "(erased)"', async () => {
    const srv = await inProcess();
    try {
      const canary = canaryName();
      const { g, fran, can, meetingId } = await historyWithCanary(srv.port, canary);
      await ok(can.socket, 'identity:erase', {});
      const res = await getAs(
        srv.port,
        `/api/meetings/${meetingId}/attendance.csv`,
        tokenOf(g.links.facilitator),
      );
      expect(res.status).toBe(200);
      const [, ...rows] = parseCsv(await res.text());
      expect(rows.map((r) => [r[0], r[4]]).sort()).toEqual([
        ['(erased)', 'yes (version 1)'],
        ['Fran', 'yes (version 1)'],
      ]);
      // Their role stays unnamed; the notes they shared were their own words and go.
      const [summary] = await srv.store.read<ExerciseSummary>(`group:${g.groupId}:exercises:${meetingId}`);
      expect(summary!.roles).toEqual(
        expect.arrayContaining([
          { name: '(erased)', role: 'observer' },
          { name: 'Fran', role: 'leader' },
        ]),
      );
      expect(summary!.sharedNotes).toEqual([]);
      // The erased person's rows cannot be tied together across meetings, nor to the identity.
      const dump = JSON.stringify(await srv.store.read(`group:${g.groupId}:declarations`));
      expect(dump).not.toContain(can.pid);
      fran.socket.close();
    } finally {
      await srv.close();
    }
  });
});

describe('a Redis server that refuses to rewrite its files', () => {
  it('still deletes the group: the rewrite is the operator’s to schedule', async () => {
    const redis = await startRedis({ args: ['--rename-command', 'BGREWRITEAOF', ''] });
    const srv = await inProcess({ redisUrl: redis.url });
    try {
      const g: CreateGroupResult = await createGroup(srv.port);
      const fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
      await ok(fran.socket, 'meeting:deleteGroup', { confirm: true });
      fran.socket.close();
      const client = new Redis(redis.url);
      // The store's own documents and logs (a cluster lease may linger a moment; it names no one).
      for (const kind of ['doc', 'log'])
        expect(await client.keys(`circle:${kind}:*${g.groupId}*`)).toEqual([]);
      client.disconnect();
    } finally {
      await srv.close();
      await redis.stop();
    }
  });
});

describe('the SQLite files', () => {
  const mode = (p: string) => statSync(p).mode & 0o777;

  it('are readable by the server’s user only, and tightened when found looser', async () => {
    const parent = tempDir();
    const dir = join(parent, 'data');
    const srv = await inProcess({ dataDir: dir });
    await createGroup(srv.port);
    expect(mode(dir)).toBe(0o700);
    for (const f of ['circle.db', 'circle.db-wal', 'circle.db-shm']) expect(mode(join(dir, f))).toBe(0o600);
    await srv.close();

    // A directory and a file restored from a backup with looser modes.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'circle.db'), 0o644);
    const again = openSqliteStore(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'circle.db'))).toBe(0o600);
    await again.close();
  });

  it('no longer hold rows deleted before secure delete was on, once opened by this version', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const canary = canaryName();
    // A database as an older version left it: the row is deleted, its bytes are still in the file.
    const old = new Database(join(dir, 'circle.db'));
    old.exec('CREATE TABLE docs (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    old.prepare('INSERT INTO docs VALUES (?, ?)').run('group:x:info', JSON.stringify({ name: canary }));
    old.prepare('DELETE FROM docs').run();
    old.close();
    expect(filesHolding(dir, canary)).toEqual(['circle.db']);

    const store = openSqliteStore(dir);
    await store.close();
    expect(filesHolding(dir, canary)).toEqual([]);
  });
});
