import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVER_START_ARGS } from '../../server/src/nodeFlags.js';
import { freePort } from '../../server/test/support/ports.js';

const root = resolve(import.meta.dirname, '../..');

export interface CircleProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The real server (as `npm start` runs it) serving the built client, with a fresh data directory. */
export async function startCircle(env: Record<string, string> = {}): Promise<CircleProcess> {
  for (const built of ['client/dist/index.html', 'server/dist/main.js'])
    if (!existsSync(join(root, built))) throw new Error(`${built} not built: npm run build`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, SERVER_START_ARGS, {
    cwd: join(root, 'server'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CIRCLE_DATA_DIR: mkdtempSync(join(tmpdir(), 'circle-e2e-')),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}
