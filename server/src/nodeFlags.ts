/**
 * The Node flags the server runs with (`npm start`, the Dockerfile through it, docker-compose, the benches'
 * servers).
 *
 * A larger young generation: a room's state lives about as long as the gap between two floor changes (a
 * second or so), long enough to outlive the default 16 MB semi-space's scavenges and be copied into the old
 * generation, whose collections then cost a meeting server more than all the rooms' own logic (floor
 * bench, 250 rooms: garbage collection 125 -> 29 ms per 6 s window, the p99 latency 9.8 -> 3.5 ms, at 32 MB).
 * At 64 MB, scavenges come half as often: each pauses about as long (what survives one is what the rooms
 * changed in the last second, however long the gap), and a pause is what puts a floor event in the slowest
 * 1% (250 rooms: p99 1.23x, 1.79x and 1.94x of bare Socket.IO's in three full bench runs, against 2.13x and
 * 3.13x at 32 MB; both servers with the same flags). The young generation grows to it only under such load
 * (a quiet server's memory is unchanged); at 500 busy rooms it costs 50-60 MB more RSS (RSS per active room
 * 714 KiB at 32 MB, 808-830 KiB at 64 MB).
 *
 * `server/package.json`'s start script and docker-compose.yml spell the same flags (a test keeps them equal).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * How `npm start` runs the server, from the server's folder: the build (scripts/build-server.ts), with its
 * source maps so a stack trace names the TypeScript. The e2e tests, the integration tests that need a real
 * process and the benches start it the same way.
 */
export const SERVER_START_ARGS = [...SERVER_NODE_FLAGS, '--enable-source-maps', 'dist/main.js'];
