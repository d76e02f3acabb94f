import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** When set, state lives in Redis (several nodes); otherwise in SQLite under dataDir. */
  redisUrl?: string;
  dataDir: string;
  /** Signs invitation and identity tokens. When unset, one is generated and kept in the store. */
  secret?: string;
  /** Allowed browser origins for cross-origin use (comma separated); same-origin always works. */
  corsOrigins: string[];
  /** Directory of the built client, served at /. */
  clientDir: string;
  /** How long a dropped participant keeps their place. Tests shorten it. */
  reconnectWindowMs: number;
  /** Events per second a single connection may send (burst allows twice that). */
  rateLimitPerSec: number;
  logLevel: string;
  /** Start mediasoup workers (CIRCLE_MEDIA=off runs without audio/video). */
  media: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(import.meta.dirname, '../..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    redisUrl: env.REDIS_URL || undefined,
    dataDir: resolve(env.CIRCLE_DATA_DIR ?? resolve(root, 'data')),
    secret: env.CIRCLE_SECRET || undefined,
    corsOrigins: (env.CIRCLE_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    clientDir: resolve(env.CIRCLE_CLIENT_DIR ?? resolve(root, 'client/dist')),
    reconnectWindowMs: Number(env.CIRCLE_RECONNECT_WINDOW_MS ?? 120_000),
    rateLimitPerSec: Number(env.CIRCLE_RATE_LIMIT ?? 20),
    logLevel: env.LOG_LEVEL ?? 'info',
    media: env.CIRCLE_MEDIA !== 'off',
  };
}
