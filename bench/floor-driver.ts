import { fork } from 'node:child_process';
import type { Request } from './floor-clients.js';

/**
 * Starts the floor benches' client process (bench/floor-clients.ts, its own event loop and cores) and
 * returns it with `ask`, which sends one request and resolves with its reply.
 */
export function startClients() {
  const clients = fork(new URL('./floor-clients.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(req: Request): Promise<T> =>
    new Promise((resolve, reject) => {
      clients.once('message', (m: { ok: boolean; reply?: T; error?: string }) =>
        m.ok ? resolve(m.reply!) : reject(new Error(m.error)),
      );
      clients.send(req);
    });
  return { clients, ask };
}
