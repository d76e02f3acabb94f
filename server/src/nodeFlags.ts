/**
 * The Node flags the server runs with (`npm start`, the Dockerfile through it, the benches' servers).
 *
 * A larger young generation: a room's state lives about as long as the gap between two floor changes (a
 * second or so), long enough to outlive the default 16 MB semi-space's scavenges and be copied into the old
 * generation, whose collections then cost a meeting server more than all the rooms' own logic (floor
 * bench, 250 rooms: garbage collection 125 -> 29 ms per 6 s window, the p99 latency 9.8 -> 3.5 ms). It
 * reserves up to 3 x 32 MB more address space, committed only as it is used.
 *
 * `server/package.json`'s start script spells the same flags (a test keeps the two equal).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

/**
 * How `npm start` runs the server, from the server's folder: the build (scripts/build-server.ts), with its
 * source maps so a stack trace names the TypeScript. The e2e tests, the integration tests that need a real
 * process and the benches start it the same way.
 */
export const SERVER_START_ARGS = [...SERVER_NODE_FLAGS, '--enable-source-maps', 'dist/main.js'];
