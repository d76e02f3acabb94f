import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort, waitUntil } from './ports.js';

export interface RedisProcess {
  url: string;
  port: number;
  /** Its working directory: the append-only files are under `appendonlydir/`. */
  dir: string;
  stop(): Promise<void>;
  /** Stops it (it writes its append-only file) and starts it again on the same port and directory. */
  restart(): Promise<void>;
}

/**
 * A real redis-server on a free port, in a throwaway directory, with append-only persistence on.
 * `args` adds server options (e.g. `['--rename-command', 'BGREWRITEAOF', '']` for a locked-down server).
 */
export async function startRedis(opts: { args?: string[] } = {}): Promise<RedisProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'circle-redis-'));
  const args = opts.args ?? [];
  let child: ChildProcess = await launch(port, dir, args);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop,
    restart: async () => {
      await stop();
      child = await launch(port, dir, args);
    },
  };
}

async function launch(port: number, dir: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      ...args,
    ],
    { stdio: 'ignore' },
  );
  await waitUntil(
    () =>
      new Promise<boolean>((resolve) => {
        const c = createConnection(port, '127.0.0.1');
        c.once('connect', () => (c.destroy(), resolve(true)));
        c.once('error', () => resolve(false));
      }),
    10_000,
    'redis-server to listen',
  );
  return child;
}
