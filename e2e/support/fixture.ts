import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.js';
import { startCircle, type CircleProcess } from './server.js';

/**
 * The real server (with `env`) and Debian's Chromium (with `browserArgs`) for one test file, started before
 * its tests and stopped after them. Read `browser` and `server` from the returned object inside the tests.
 */
export function browserAndServer(env: Record<string, string> = {}, browserArgs: string[] = []) {
  const ctx = {} as { browser: Browser; server: CircleProcess };
  beforeAll(async () => {
    ctx.server = await startCircle(env);
    ctx.browser = await launch(browserArgs);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}
