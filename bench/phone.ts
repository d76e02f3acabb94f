/**
 * The join form on an old phone: Debian's Chromium throttled to Chrome DevTools' "Fast 3G" with a 4x slower
 * CPU, opening a member's link on the real server (built, as `npm start` serves it). Several loads, each in
 * a fresh browser context (nothing cached, as a first visit): the time from navigation to the name field,
 * and the bytes that came over the wire meanwhile.
 *
 * A timing, so it lives here and not in the e2e tests (e2e/tests/weight.test.ts checks the bytes): on a
 * loaded 2-core machine one load swings by a second, and the throttled CPU is 4x whatever this one is.
 *
 * Run: node --import tsx bench/phone.ts [--out file.json]   (npm run bench runs it; needs `npm run build`)
 * BENCH_PHONE_LOADS (7).
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch } from '../e2e/support/browser.js';
import { startCircle } from '../e2e/support/server.js';

/** Chrome DevTools' "Fast 3G" and a 4x slower CPU: an old phone on a weak connection. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const LOADS = Number(process.env.BENCH_PHONE_LOADS ?? 7);

export interface PhoneResult {
  loads: { ms: number; bytes: number }[];
}

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

const server = await startCircle();
const browser = await launch();
try {
  const res = await fetch(`${server.url}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Phone bench' }),
  });
  if (res.status !== 201) throw new Error(`creating the bench's group answered ${res.status}`);
  const { links } = (await res.json()) as { links: { member: string } };
  const result: PhoneResult = { loads: [] };
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await throttle(page);
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (r) =>
      sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
    );
    const started = Date.now();
    await page.goto(`${server.url}${links.member}`, { waitUntil: 'commit' });
    await page.getByLabel('Your name').waitFor({ timeout: 30_000 });
    const ms = Date.now() - started;
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    result.loads.push({ ms, bytes });
    console.log(`join form on a throttled phone, load ${i + 1}: ${ms} ms, ${Math.round(bytes / 1024)} KiB`);
    await context.close();
  }
  const out = process.argv.indexOf('--out');
  if (out >= 0) writeFileSync(process.argv[out + 1]!, JSON.stringify(result));
} finally {
  await browser.close();
  await server.stop();
}
