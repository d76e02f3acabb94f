import { loadConfig } from './config.js';
import { startServer } from './server.js';

const server = await startServer(loadConfig());

/** A drain takes well under this; past it the process stops anyway (orchestrators kill at ~10-30 s). */
const SHUTDOWN_DEADLINE_MS = 15_000;
let stopping = false;

// While stopping, Redis clients reject whatever was still in flight when their connections close
// (the adapter's blocking stream read, say): expected then, and not worth a crash report on the way out.
process.on('unhandledRejection', (err) => {
  if (stopping) return;
  throw err;
});

// SIGTERM (docker stop, a rolling update) and SIGINT (Ctrl-C): drain the node, close the store, exit 0.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
