import { openRedisStore } from './redis.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Store } from './types.js';

export function openStore(opts: { redisUrl?: string; dataDir: string }): Store {
  return opts.redisUrl ? openRedisStore(opts.redisUrl) : openSqliteStore(opts.dataDir);
}
