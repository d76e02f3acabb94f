import { fork, type ChildProcess } from 'node:child_process';
import type { Mode, Request } from './floor-clients.js';
import type { ServerRequest } from './floor-server.js';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server/src/nodeFlags.js';
import { bundleForNode } from '../scripts/build-server.js';

/**
 * Forks a bench script (its own process: its own event loop, CPU and memory) and returns it with `ask`,
 * which sends one request and resolves with its reply; `ready` resolves with the first message it sends
 * unasked, when it `greets`.
 * One request at a time.
 */
function forkAsking<Req>(script: URL, args: string[], execArgv: string[], greets: boolean) {
  const child: ChildProcess = fork(script, args, {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${script} exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m: { ok: boolean; reply?: T; error?: string }) => {
        child.off('exit', onExit);
        if (m.ok) resolve(m.reply!);
        else reject(new Error(m.error));
      });
    });
  const ready = greets ? next<unknown>() : Promise.resolve(null);
  const ask = <T>(req: Req): Promise<T> => {
    const reply = next<T>();
    child.send(req as object);
    return reply;
  };
  return { child, ask, ready };
}

/** The floor benches' client process (bench/floor-clients.ts). */
export function startClients() {
  const script = new URL('./floor-clients.ts', import.meta.url);
  const { child, ask } = forkAsking<Request>(script, [], ['--import', 'tsx'], false);
  return { clients: child, ask };
}

/**
 * Diagnostic Node flags for one server (`BENCH_CIRCLE_FLAGS`, `BENCH_BARE_FLAGS`, space-separated), e.g.
 * `--trace-gc-nvp` to see what each collection promotes. Not for figures that are kept.
 */
const extraFlags = (mode: Mode) =>
  (process.env[`BENCH_${mode.toUpperCase()}_FLAGS`] ?? '').split(' ').filter(Boolean);

const built = new URL('./dist/floor-server.js', import.meta.url);
let building: Promise<void> | undefined;

/**
 * One floor bench server (bench/floor-server.ts) in its own process; resolves once it listens. It runs
 * built as `npm start`'s server is, not through tsx (whose loader would compile the server's every
 * function with `keepNames`): built once per bench process, from the code as it is then.
 */
export async function startFloorServer(mode: Mode) {
  await (building ??= bundleForNode(
    [fileURLToPath(new URL('./floor-server.ts', import.meta.url))],
    fileURLToPath(new URL('.', built)),
  ));
  const { child, ask, ready } = forkAsking<ServerRequest>(
    built,
    [mode],
    // Both servers run with the flags `npm start` gives Circle's: the reference gets the same runtime.
    ['--expose-gc', '--enable-source-maps', ...SERVER_NODE_FLAGS, ...extraFlags(mode)],
    true,
  );
  const { port } = (await ready) as { port: number };
  return { child, ask, port };
}
