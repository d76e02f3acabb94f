import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupKey } from '../src/groups/service.js';
import { Meetings } from '../src/meeting/service.js';
import type { RunningServer } from '../src/server.js';
import { createGroup, joinAs, ok, tokenOf, type Joined } from './support/client.js';
import { getAs, postJson, sendAbsence } from './support/meeting.js';
import { waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { inProcess, tempDir } from './support/server.js';

/** Everything each store holds, keys and values together, so a leftover can be found wherever it hides. */
type Dump = () => Promise<string[]>;

const stores: [string, () => Promise<{ srv: RunningServer; dump: Dump; cleanup: () => Promise<void> }>][] = [
  [
    'embedded SQLite',
    async () => {
      const dataDir = tempDir();
      const srv = await inProcess({ dataDir });
      const dump: Dump = async () => {
        const db = new Database(join(dataDir, 'circle.db'), { readonly: true });
        const docs = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM docs').all();
        const logs = db.prepare<[], { log: string; entry: string }>('SELECT log, entry FROM logs').all();
        db.close();
        return [...docs.map((d) => `${d.key} ${d.value}`), ...logs.map((l) => `${l.log} ${l.entry}`)];
      };
      return { srv, dump, cleanup: async () => {} };
    },
  ],
  [
    'Redis',
    async () => {
      const redis: RedisProcess = await startRedis();
      const srv = await inProcess({ redisUrl: redis.url });
      const client = new Redis(redis.url);
      const dump: Dump = async () => {
        const out: string[] = [];
        // The Store's own keys; cluster leases and the Socket.IO adapter's stream are not the store.
        const keys = [...(await client.keys('circle:doc:*')), ...(await client.keys('circle:log:*'))];
        for (const key of keys) {
          const type = await client.type(key);
          const value =
            type === 'string'
              ? await client.get(key)
              : type === 'list'
                ? (await client.lrange(key, 0, -1)).join('\n')
                : `(${type})`;
          out.push(`${key} ${value}`);
        }
        return out;
      };
      return {
        srv,
        dump,
        cleanup: async () => {
          client.disconnect();
          await redis.stop();
        },
      };
    },
  ],
];

describe.each(stores)('deleting a group’s data on %s', (_name, setup) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('leaves nothing of the group in the store, and nothing of anyone in it, but keeps other groups', async () => {
    const { srv, dump, cleanup } = await setup();
    cleanups.push(cleanup);
    const open: Joined[] = [];
    cleanups.push(async () => {
      for (const j of open) j.socket.close();
      await srv.close();
    });
    // Words in clear: an encrypted group takes only sealed ones (see e2ee-chat.test.ts).
    const g = await createGroup(srv.port, { name: 'Doomed circle', closingWords: 'Bye', e2ee: false });
    const other = await createGroup(srv.port, { name: 'Other circle' });
    const keep = await joinAs(srv.port, other.links.member, 'Keeper');
    open.push(keep);

    // A past meeting with attendance, declarations, an absence notice…
    let fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    let ana = await joinAs(srv.port, g.links.member, 'Anastasia');
    open.push(fran, ana);
    await ok(fran.socket, 'meeting:open', {});
    await ok(ana.socket, 'care:stepOut', {});
    await ok(fran.socket, 'meeting:close', {});
    expect((await sendAbsence(srv.port, tokenOf(g.links.member), { name: 'Bartholomew' })).status).toBe(201);
    // …and one in progress with chat, a private word, a removal and a pause.
    fran = await joinAs(srv.port, g.links.facilitator, 'Fran', fran.identity);
    ana = await joinAs(srv.port, g.links.member, 'Anastasia', ana.identity);
    const ben = await joinAs(srv.port, g.links.member, 'Benedikt');
    open.push(fran, ana, ben);
    await ok(ana.socket, 'chat:send', { text: 'Something said in confidence' });
    await ok(ana.socket, 'chat:whisper', { text: 'A private word' });
    await ok(fran.socket, 'meeting:pause', { on: true });
    await ok(fran.socket, 'moderation:remove', { pid: ben.pid });
    await waitUntil(async () =>
      (await dump()).some((e) => e.startsWith(`${groupKey(g.groupId)}`) || e.includes(`:${g.groupId}:`)),
    );
    expect((await dump()).join('\n')).toContain('Anastasia');

    const closed = new Promise<{ reason: string }>((r) => ana.socket.once('meeting:closed', r));
    await ok(fran.socket, 'meeting:deleteGroup', { confirm: true });
    expect((await closed).reason).toBe('deleted');
    // Let anything late (disconnects, timers) try to write.
    for (const j of [fran, ana, ben]) j.socket.close();
    await new Promise((r) => setTimeout(r, 300));

    const left = (await dump()).join('\n');
    expect(left).not.toContain(g.groupId);
    for (const word of ['Anastasia', 'Benedikt', 'Bartholomew', 'Fran', 'confidence', 'Doomed'])
      expect(left).not.toContain(word);
    // The other group is untouched, and the links of the deleted one no longer work.
    expect(left).toContain(other.groupId);
    expect(left).toContain('Keeper');
    expect((await postJson(srv.port, '/api/invite', { token: tokenOf(g.links.member) })).status).toBe(404);
    expect((await getAs(srv.port, '/api/meetings', tokenOf(g.links.facilitator))).status).toBe(403);
  });
});

describe('retention', () => {
  it('removes the attendance and declarations of meetings older than the group keeps them', async () => {
    const srv = await inProcess();
    try {
      const g = await createGroup(srv.port);
      for (let i = 0; i < 2; i++) {
        const fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
        await ok(fran.socket, 'meeting:open', {});
        await ok(fran.socket, 'meeting:close', {});
        fran.socket.close();
      }
      const meetings = new Meetings({
        store: srv.store,
        io: null as never,
        groups: null as never,
        now: Date.now,
      });
      const [first, second] = await meetings.past(g.groupId);
      const key = (id: string) => `${groupKey(g.groupId)}attendance:${id}`;
      expect((await srv.store.read(key(first!.meetingId))).length).toBeGreaterThan(0);
      // Ten days on, with a week's retention: both go; with thirty days, both stay.
      await meetings.prune(g.groupId, 30, Date.now() + 10 * 86_400_000);
      expect(await meetings.past(g.groupId)).toHaveLength(2);
      await meetings.prune(g.groupId, 7, Date.now() + 10 * 86_400_000);
      expect(await meetings.past(g.groupId)).toEqual([]);
      for (const m of [first!, second!]) expect(await srv.store.read(key(m.meetingId))).toEqual([]);
      expect(await srv.store.read(`${groupKey(g.groupId)}declarations`)).toEqual([]);
    } finally {
      await srv.close();
    }
  });
});
