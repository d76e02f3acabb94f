import { afterAll } from 'vitest';

// The integration files share one process (isolate: false in vitest.config.ts): what a file puts in the
// environment (a media port, a worker count) must not reach the next file. Run before each file.
const before = { ...process.env };
afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
  Object.assign(process.env, before);
});
