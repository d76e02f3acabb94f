import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** When set, state lives in Redis (several nodes); otherwise in SQLite under dataDir. */
  redisUrl?: string;
  dataDir: string;
  /**
   * Signs invitation and identity tokens: comma-separated keys, the first signs, all verify. When unset,
   * one is generated into a 0600 file in the data directory (required with Redis).
   */
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
  /** Estimated heap the decisional balances held in memory may take in this process (see board/service.ts). */
  boardLiveMaxBytes: number;
  /** Time between two retention sweeps (the first runs at start). */
  sweepIntervalMs: number;
  /** Per-address limits against exhausting the server from a link (see socket/addressLimits.ts). */
  limits: AbuseLimits;
  /** Where /metrics is served: its own (loopback) port, or the main port behind a bearer token. */
  metrics: MetricsExposure;
}

export interface AbuseLimits {
  /** Reverse proxies in front whose X-Forwarded-For is believed (1 behind the shipped nginx). */
  trustedProxies: number;
  /** When set, creating a group asks for it. */
  adminPassword?: string;
  groupCreatePerHour: number;
  groupCreateBurst: number;
  connectionsPerAddress: number;
  joinsPerAddressPerMinute: number;
  /** A connection that has not joined a room by then is closed. */
  joinTimeoutMs: number;
}

export interface MetricsExposure {
  port?: number;
  host: string;
  /** Serves /metrics on the main port too, to requests carrying `Authorization: Bearer <token>`. */
  token?: string;
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
    boardLiveMaxBytes: Number(env.CIRCLE_BOARD_LIVE_MAX_BYTES ?? 256 * 1024 * 1024),
    sweepIntervalMs: Number(env.CIRCLE_SWEEP_INTERVAL_MS ?? 3_600_000),
    limits: {
      trustedProxies: Number(env.CIRCLE_TRUST_PROXY ?? 0),
      adminPassword: env.CIRCLE_ADMIN_PASSWORD || undefined,
      groupCreatePerHour: Number(env.CIRCLE_GROUP_CREATE_PER_HOUR ?? 30),
      groupCreateBurst: Number(env.CIRCLE_GROUP_CREATE_BURST ?? 10),
      connectionsPerAddress: Number(env.CIRCLE_MAX_CONNECTIONS_PER_ADDRESS ?? 50),
      joinsPerAddressPerMinute: Number(env.CIRCLE_JOINS_PER_MINUTE ?? 60),
      joinTimeoutMs: Number(env.CIRCLE_JOIN_TIMEOUT_MS ?? 30_000),
    },
    metrics: {
      port: env.CIRCLE_METRICS_PORT ? Number(env.CIRCLE_METRICS_PORT) : undefined,
      host: env.CIRCLE_METRICS_HOST ?? '127.0.0.1',
      token: env.CIRCLE_METRICS_TOKEN || undefined,
    },
  };
}
