import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { joinAs, type Joined } from '../../server/test/support/client.js';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import { button, createGroup, eventually, join, person, seat, type Person } from '../support/ui.js';

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Where the page is checked by eye: screenshots go to /tmp, never into the repository. */
const shot = (p: Person, name: string) => p.page.screenshot({ path: `/tmp/layout-${name}.png` });

/** Whether the element's box lies wholly inside the first screen, above the fixed control bar. */
async function inFirstScreen(page: Page, role: 'button' | 'region' | 'list', name: string): Promise<boolean> {
  const box = await page.getByRole(role, { name, exact: true }).first().boundingBox();
  const bar = await page.getByRole('region', { name: 'Meeting controls' }).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !bar || !viewport) return false;
  const bottom = role === 'list' || role === 'region' ? box.y + Math.min(box.height, 80) : box.y + box.height;
  return box.y >= 0 && bottom <= bar.y && box.x >= 0 && box.x + box.width <= viewport.width;
}

const pageSize = (page: Page) =>
  page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
  }));

/** A facilitator and a member in Chromium, ten more members over plain sockets: a circle of twelve. */
describe('the room screen on a laptop, a tablet and a phone, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person;
  const others: Joined[] = [];
  const heights: Record<string, number> = {};

  afterAll(() => {
    for (const o of others) o.socket.disconnect();
    console.info('page heights (document.scrollHeight):', JSON.stringify(heights));
  });

  it('shows a facilitator Open the meeting, the circle and Needs attention without scrolling at 1366x768', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    await fran.page.setViewportSize({ width: 1366, height: 768 });
    const links = await createGroup(fran.page, 'Layout circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member);
    await ana.page.setViewportSize({ width: 1366, height: 768 });
    await join(ana);
    const port = Number(new URL(env.server.url).port);
    for (const name of ['Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Gil', 'Hal', 'Ida', 'Jo', 'Kim'])
      others.push(await joinAs(port, links.member, name));
    for (const p of [fran, ana]) await seat(p.page, 'Kim').waitFor();

    for (const [role, name] of [
      ['button', 'Open the meeting'],
      ['list', 'Circle'],
      ['region', 'Needs attention'],
    ] as const)
      expect(await inFirstScreen(fran.page, role, name), `${name} in the first screen`).toBe(true);
    // Before the meeting opens, opening it comes first in the console.
    const console_ = fran.page.getByRole('complementary', { name: 'Facilitators’ console' });
    expect(await console_.getByRole('button').first().textContent()).toBe('Open the meeting');
    await shot(fran, 'desktop-facilitator-gathering');
    await button(fran.page, 'Open the meeting').click();
    await fran.page.getByRole('timer', { name: 'Meeting time left' }).waitFor();
  });

  it('raises a support request as an alert, a seat mark and a tab title within a second, until answered', async () => {
    const started = Date.now();
    await button(ana.page, 'I need support').click();
    await fran.page.getByRole('alert').getByText('Ana asked for support').waitFor({ timeout: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await seat(fran.page, 'Ana').getAttribute('aria-label')).toContain('asked for support');
    expect(await fran.page.title()).toContain('Ana asked for support');
    const attention = fran.page.getByRole('region', { name: 'Needs attention' });
    await attention.getByText('Ana asked for support').waitFor();
    // It stays while nobody answers: a round trip on the facilitator's own connection goes by, still there.
    await ana.page.getByLabel('Write privately to the facilitators').fill('Thank you.');
    await button(ana.page, 'Send privately').click();
    await attention.getByText('Ana wrote to you privately').waitFor();
    expect(await fran.page.getByRole('alert').getByText('Ana asked for support').count()).toBe(1);
    await shot(fran, 'desktop-facilitator-support');
    await button(fran.page, 'Seen').click();
    await eventually(
      async () => (await fran.page.getByRole('alert').getByText('Ana asked for support').count()) === 0,
      'the alert is gone once answered',
    );
    expect(await fran.page.title()).not.toContain('asked for support');
  });

  for (const vp of VIEWPORTS)
    it(`fits the ${vp.name} (${vp.width}x${vp.height}): no sideways scroll, 44 px targets, axe clean`, async () => {
      for (const p of [fran, ana]) {
        await p.page.setViewportSize({ width: vp.width, height: vp.height });
        await eventually(async () => {
          const size = await pageSize(p.page);
          return size.width <= size.viewport;
        }, `${p.name}'s page has no horizontal scroll at ${vp.name}`);
        const bar = p.page.getByRole('region', { name: 'Meeting controls' });
        for (const target of await bar.getByRole('button').all()) {
          const box = await target.boundingBox();
          expect(box, 'a visible bar button').not.toBeNull();
          expect(box!.width).toBeGreaterThanOrEqual(44);
          expect(box!.height).toBeGreaterThanOrEqual(44);
        }
        // The seats never overlap.
        const boxes = await Promise.all(
          (await p.page.getByRole('list', { name: 'Circle' }).getByRole('listitem').all()).map((s) =>
            s.boundingBox(),
          ),
        );
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) {
            const apart =
              a!.x + a!.width <= b!.x + 1 ||
              b!.x + b!.width <= a!.x + 1 ||
              a!.y + a!.height <= b!.y + 1 ||
              b!.y + b!.height <= a!.y + 1;
            expect(apart, 'two seats overlap').toBe(true);
          }
        heights[`${p.name === 'Fran' ? 'facilitator' : 'member'}-${vp.name}`] = (
          await pageSize(p.page)
        ).height;
        await shot(p, `${vp.name}-${p.name === 'Fran' ? 'facilitator' : 'member'}`);
        expect(await axeViolations(p.page)).toEqual([]);
        if (p === fran && vp.name !== 'desktop') {
          // The console is a drawer (a sheet on a phone), opened from the bar, Needs attention at its top.
          await button(p.page, 'Console').click();
          const attention = p.page.getByRole('heading', { name: 'Needs attention' });
          await eventually(async () => {
            const box = await attention.boundingBox();
            return !!box && box.x >= 0 && box.x + box.width <= vp.width && box.y >= 0 && box.y < vp.height;
          }, `Needs attention on screen in the ${vp.name} drawer`);
          await shot(p, `${vp.name}-facilitator-console`);
          expect(await axeViolations(p.page)).toEqual([]);
          await button(p.page, 'Close the console').click();
        }
      }
    });
});
