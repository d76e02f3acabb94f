import { Redis } from 'ioredis';
import { closeRedis } from '../redisClient.js';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from './types.js';

const NS = 'circle:';
/** How long a deletion waits for a background save or rewrite that started before it to finish. */
const CHILD_WAIT_MS = 60_000;

/**
 * Redis store for several nodes. Documents are strings under `circle:doc:<key>`, logs are lists under
 * `circle:log:<key>`. Durability across a Redis restart is Redis's own (append-only file in production).
 */
export function openRedisStore(url: string): Store {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  // Without a listener ioredis logs reconnect errors to stderr; retries are its job.
  redis.on('error', () => {});
  const doc = (key: string) => `${NS}doc:${key}`;
  const log = (key: string) => `${NS}log:${key}`;

  async function scanDelete(pattern: string) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
  // Compare-and-set on the document's seq, atomically inside Redis.
  const REPLACE_IF_SEQ = `
    local cur = redis.call('GET', KEYS[1])
    local expected = tonumber(ARGV[2])
    if cur then
      if cjson.decode(cur).seq ~= expected then return 0 end
    elseif expected ~= 0 then return 0 end
    redis.call('SET', KEYS[1], ARGV[1])
    return 1`;
  const glob = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`) + '*';
  // Rewrites a list only if it still holds exactly what was read (same digest), atomically inside Redis.
  const REWRITE_IF_UNCHANGED = `
    local cur = redis.call('LRANGE', KEYS[1], 0, -1)
    if redis.sha1hex(table.concat(cur, '\\n')) ~= ARGV[1] then return 0 end
    redis.call('DEL', KEYS[1])
    for i = 2, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
    return 1`;
  const digest = (entries: string[]) => createHash('sha1').update(entries.join('\n'), 'utf8').digest('hex');

  async function scanKeys(pattern: string, strip: number): Promise<string[]> {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      out.push(...keys.map((k) => k.slice(strip)));
    } while (cursor !== '0');
    return out;
  }

  /**
   * Runs a background save command, waiting while one that began before this deletion is still running
   * (its snapshot would still hold the deleted data). A server that refuses the command (renamed away,
   * forbidden by an ACL, managed service) is left to its own persistence: that is the operator's choice.
   */
  async function freshChild(run: () => Promise<unknown>): Promise<void> {
    const until = Date.now() + CHILD_WAIT_MS;
    for (;;) {
      try {
        await run();
        return;
      } catch (err) {
        const busy = /in progress|another child/i.test(err instanceof Error ? err.message : '');
        if (!busy || Date.now() > until) return;
        await sleep(100);
      }
    }
  }

  async function rewriteFiles(): Promise<void> {
    const info = await redis.info('persistence').catch(() => null);
    // Without AOF there is no file to rewrite, and asking would create one the operator did not want.
    if (info === null || /aof_enabled:1/.test(info)) await freshChild(() => redis.bgrewriteaof());
    const save = (await redis.config('GET', 'save').catch(() => [])) as string[];
    // SCHEDULE: after the AOF rewrite just started, rather than failing because it runs.
    if (save[1]) await freshChild(() => redis.call('BGSAVE', 'SCHEDULE'));
  }
  let rewriting: Promise<void> = Promise.resolve();

  return {
    kind: 'redis',
    async get<T>(key: string) {
      const raw = await redis.get(doc(key));
      return raw === null ? null : (JSON.parse(raw) as T);
    },
    async put(key, value) {
      await redis.set(doc(key), JSON.stringify(value));
    },
    async putIfAbsent<T>(key: string, value: T) {
      await redis.set(doc(key), JSON.stringify(value), 'NX');
      return JSON.parse((await redis.get(doc(key)))!) as T;
    },
    async del(key) {
      await redis.del(doc(key));
    },
    async replaceIfSeq<T extends { seq: number }>(key: string, value: T, expectedSeq: number) {
      const text = JSON.stringify(value);
      return (await redis.eval(REPLACE_IF_SEQ, 1, doc(key), text, String(expectedSeq))) === 1;
    },
    async append(key, entry) {
      await redis.rpush(log(key), JSON.stringify(entry));
    },
    async read<T>(key: string) {
      return (await redis.lrange(log(key), 0, -1)).map((e) => JSON.parse(e) as T);
    },
    async rewriteLog<T>(key: string, fn: (entries: T[]) => T[]) {
      for (;;) {
        const raw = await redis.lrange(log(key), 0, -1);
        const next = fn(raw.map((e) => JSON.parse(e) as T)).map((e) => JSON.stringify(e));
        if (next.length === raw.length && next.every((e, i) => e === raw[i])) return;
        const args = [digest(raw), ...next];
        if ((await redis.eval(REWRITE_IF_UNCHANGED, 1, log(key), ...args)) === 1) return;
      }
    },
    async deletePrefix(prefix) {
      await scanDelete(doc(glob(prefix)));
      await scanDelete(log(glob(prefix)));
    },
    async keys(prefix) {
      const docs = await scanKeys(doc(glob(prefix)), doc('').length);
      const logs = await scanKeys(log(glob(prefix)), log('').length);
      return [...new Set([...docs, ...logs])];
    },
    forgetDeleted() {
      // One after the other: a rewrite requested while another runs must start after this deletion.
      const next = rewriting.then(rewriteFiles);
      rewriting = next.catch(() => undefined);
      return next;
    },
    async close() {
      await closeRedis(redis);
    },
  };
}
