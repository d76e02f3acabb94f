import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Clock } from '../../src/clock.js';
import { SERVER_START_ARGS } from '../../src/nodeFlags.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freePort, waitUntil } from './ports.js';

/** The signing key test servers on Redis share, as every node of one deployment must. */
export const TEST_SECRET = 'test-secret-shared-by-every-node-0123456789';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'circle-data-'));

/** The real server in this process, on a free port, with a fresh data directory unless given one; silent unless given a logger. */
export async function inProcess(
  overrides: Partial<Config> = {},
  log: Logger = pino({ level: process.env.TEST_LOG ?? 'silent' }),
  clock?: Clock,
): Promise<RunningServer> {
  // Media is opt-in here: most tests need no mediasoup workers, and two cores are shared by everything.
  // Unless a test chose a media port, each worker takes any free one (other runs share the machine).
  process.env.CIRCLE_MEDIA_PORT ??= '0';
  const config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir: tempDir(),
    media: false,
    // Several nodes must share one secret, so a server on Redis needs one given (see secret.test.ts).
    secret: overrides.redisUrl ? TEST_SECRET : undefined,
    ...overrides,
  };
  return startServer(config, log, clock);
}

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const serverRoot = resolve(import.meta.dirname, '../..');

/**
 * The real server as its own OS process, as `npm start` runs it (the build, which the integration tests'
 * global set-up makes from the code as it is), so a test can really kill it.
 */
export async function spawnServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, SERVER_START_ARGS, {
    cwd: serverRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(p),
      LOG_LEVEL: 'warn',
      CIRCLE_MEDIA: 'off',
      CIRCLE_MEDIA_PORT: '0',
      ...(env.REDIS_URL ? { CIRCLE_SECRET: TEST_SECRET } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      return fetch(`http://127.0.0.1:${p}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    20_000,
    'server to answer /healthz',
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    port: p,
    child,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
