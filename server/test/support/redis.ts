import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { Redis } from 'ioredis';
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

/** Every value of every key, whatever its type, as Redis holds it now: what someone reading it would find. */
export async function everyValue(url: string): Promise<string[]> {
  const client = new Redis(url);
  try {
    const values: string[] = [];
    for (const key of await client.keys('*')) {
      const type = await client.type(key);
      if (type === 'string') values.push((await client.get(key)) ?? '');
      else if (type === 'hash') values.push(JSON.stringify(await client.hgetall(key)));
      else if (type === 'list') values.push(JSON.stringify(await client.lrange(key, 0, -1)));
      else if (type === 'set') values.push(JSON.stringify(await client.smembers(key)));
      else if (type === 'zset') values.push(JSON.stringify(await client.zrange(key, 0, -1)));
      else if (type === 'stream') values.push(JSON.stringify(await client.xrange(key, '-', '+')));
    }
    return values;
  } finally {
    client.disconnect();
  }
}
