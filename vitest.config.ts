import { defineConfig } from 'vitest/config';

// Three layers, run separately by `npm test`: pure unit tests beside the code, server integration
// tests on real sockets/stores, and e2e in real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['server/test/**/*.test.ts'],
          // The tests that start real server processes run the build, as `npm start` does.
          globalSetup: ['server/test/support/build.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
          // Files share one process and module graph instead of importing the server anew each: 3 min 47 s ->
          // 2 min 56 s for the 58 files. Every test starts its own server (store, sockets, registry) and
          // closes it, so no state lives in a module between files; the environment is put back after each.
          isolate: false,
          setupFiles: ['server/test/support/env.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/tests/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
