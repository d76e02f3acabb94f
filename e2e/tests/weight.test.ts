import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import { eventually } from '../support/ui.js';

/** Chrome DevTools' "Fast 3G" and a 4x slower CPU: an old phone on a weak connection. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** The scripts a page loaded (their paths), and the bytes that came over the wire for the whole page. */
function loaded(page: Page) {
  const scripts: string[] = [];
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  return { scripts, bytes: async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0) };
}

async function memberLink(url: string): Promise<string> {
  const res = await fetch(`${url}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Weight circle' }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { links: { member: string } };
  return `${url}${body.links.member}`;
}

describe('the weight of the client, served by the real server to real Chromium', () => {
  const env = browserAndServer();

  it('sends the client compressed, hashed assets cached for good and the page itself revalidated', async () => {
    const page = await (await env.browser.newContext()).newPage();
    const { scripts } = loaded(page);
    await page.goto(env.server.url);
    await page.getByRole('button', { name: 'Create group' }).waitFor();
    const html = await fetch(env.server.url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const entry = scripts.find((s) => s.startsWith('/assets/'));
    expect(entry).toBeDefined();
    for (const encoding of ['br', 'gzip']) {
      const asset = await fetch(`${env.server.url}${entry}`, { headers: { 'accept-encoding': encoding } });
      expect(asset.headers.get('content-encoding')).toBe(encoding);
      expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
    }
    // A client that asks for no compression still gets the script, plain.
    const plain = await fetch(`${env.server.url}${entry}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(1000);
    await page.context().close();
  });

  it("keeps the room's code off the home page", async () => {
    const link = await memberLink(env.server.url);
    const home = await (await env.browser.newContext()).newPage();
    const onHome = loaded(home);
    await home.goto(env.server.url, { waitUntil: 'load' });
    await home.getByRole('button', { name: 'Create group' }).waitFor();
    // Barrier: the home page has been idle (when the join page fetches the room ahead) twice over.
    for (let i = 0; i < 2; i++)
      await home.evaluate(() => new Promise((r) => window.requestIdleCallback(r, { timeout: 2000 })));
    expect(onHome.scripts.length).toBeGreaterThan(0);

    const join = await (await env.browser.newContext()).newPage();
    const onJoin = loaded(join);
    await join.goto(link);
    await join.getByLabel('Your name').fill('Ana');
    await join.getByLabel('I accept the confidentiality declaration').check();
    await join.getByRole('button', { name: 'Join', exact: true }).click();
    // The room comes in scripts of its own, which the home page never asked for.
    await eventually(
      async () => onJoin.scripts.some((s) => !onHome.scripts.includes(s)),
      "the room's chunk reaches the join page",
    );
    await home.context().close();
    await join.context().close();
  });

  it('shows the join form in about 3 s on a throttled phone (4x CPU, Fast 3G)', async () => {
    const link = await memberLink(env.server.url);
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await throttle(page);
    const weight = loaded(page);
    const started = Date.now();
    await page.goto(link, { waitUntil: 'commit' });
    await page.getByLabel('Your name').waitFor({ timeout: 20_000 });
    const ms = Date.now() - started;
    const bytes = await weight.bytes();
    console.log(`join form on a throttled phone: ${ms} ms, ${Math.round(bytes / 1024)} KiB transferred`);
    // The goal is under 3 s (measured 2.75–3.45 s on a loaded 2-core machine, was 7.5 s); the bound leaves
    // room for other work on the machine and still fails the unsplit, uncompressed client by far.
    expect(ms).toBeLessThan(4_000);
    await context.close();
  });
});
