import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Where the mediasoup worker binary is, in the order scripts/mediasoup-worker.sh fills them:
 * MEDIASOUP_WORKER_BIN, mediasoup's own build/prebuilt in node_modules, then the per-version cache
 * outside node_modules (so `npm ci` does not wipe a 4-minute offline build).
 * mediasoup reads MEDIASOUP_WORKER_BIN once, when first imported: call this before importing it.
 */
export function resolveWorkerBin(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.MEDIASOUP_WORKER_BIN) return env.MEDIASOUP_WORKER_BIN;
  // The package's exports hide package.json; its entry point is <root>/node/lib/index.js.
  const root = resolve(dirname(require.resolve('mediasoup')), '../..');
  const pkgPath = join(root, 'package.json');
  const own = join(root, 'worker/out/Release/mediasoup-worker');
  if (existsSync(own)) return own;
  const { version } = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  const cacheDir = env.CIRCLE_CACHE_DIR ?? join(homedir(), '.cache/circle');
  const cached = join(cacheDir, `mediasoup-worker-${version}-${process.platform}-${process.arch}`);
  return existsSync(cached) ? cached : null;
}

export async function loadMediasoup() {
  const bin = resolveWorkerBin();
  if (!bin) return null;
  process.env.MEDIASOUP_WORKER_BIN = bin;
  return import('mediasoup');
}
