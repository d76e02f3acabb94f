/**
 * Builds the server into plain JavaScript (server/dist) for `npm start`, the Dockerfile, the e2e tests and
 * the benches: the server, with the shared contract it imports, in one esbuild bundle (ES modules, source
 * maps), every npm package left as an import.
 *
 * Why not run the TypeScript through tsx, as the tests' in-process servers do: tsx compiles the whole server
 * at each start (a start takes 1.34 s that way, 0.77 s built), and with esbuild's `keepNames`, which wraps
 * every function the server creates at run time (a closure per packet, per ack, per change) in a call that
 * names it. The floor bench's profile showed those calls; its CPU ratios with and without them differ by
 * less than the machine's noise.
 *
 * Run: tsx scripts/build-server.ts   (`npm run build` runs it)
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_DIST = `${root}server/dist`;

/** npm packages stay imports (native addons, mediasoup's worker path); our own workspace is bundled. */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path === '@circle/shared' || args.path.startsWith('@circle/shared/')
        ? undefined
        : { path: args.path, external: true },
    );
  },
};

/**
 * Bundles `entryPoints` into `outdir` as the server is built (the benches build their server processes
 * with it too, so what they measure is compiled as `npm start`'s server is).
 */
export async function bundleForNode(entryPoints: string[], outdir: string) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [packagesExternal],
    logLevel: 'warning',
  });
}

export async function buildServer() {
  // main: what `npm start` runs; server and config: what a bench may start in a process of its own.
  await bundleForNode(
    ['main', 'server', 'config'].map((f) => `${root}server/src/${f}.ts`),
    SERVER_DIST,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildServer();
