import { Redis } from 'ioredis';
import type { Store } from './types.js';

const NS = 'circle:';

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
      return (
        (await redis.eval(REPLACE_IF_SEQ, 1, doc(key), JSON.stringify(value), String(expectedSeq))) === 1
      );
    },
    async append(key, entry) {
      await redis.rpush(log(key), JSON.stringify(entry));
    },
    async read<T>(key: string) {
      return (await redis.lrange(log(key), 0, -1)).map((e) => JSON.parse(e) as T);
    },
    async deletePrefix(prefix) {
      await scanDelete(doc(glob(prefix)));
      await scanDelete(log(glob(prefix)));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
