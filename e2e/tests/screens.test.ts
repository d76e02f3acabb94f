import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import { button, consoleTab, createGroup, join, person, seat } from '../support/ui.js';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
] as const;

/** axe (WCAG 2.0–2.2 A/AA, serious and critical) on what the page shows, at the laptop, tablet and phone. */
async function cleanEverywhere(page: Page, screen: string) {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(wide, `${screen} scrolls sideways at ${size.width}x${size.height}`).toBe(false);
    expect(await axeViolations(page), `${screen} at ${size.width}x${size.height}`).toEqual([]);
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

/** Every screen a person meets, from the home page to the closing words, checked at the three sizes. */
describe('every screen is accessible at the three viewports', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });

  it('home, join, lobby, room, no-longer-valid link and closing screen', async () => {
    const fran = await person(env.browser, 'Fran', env.server.url);
    await cleanEverywhere(fran.page, 'home page');
    const links = await createGroup(fran.page, 'Screens circle', { lobby: true });
    await cleanEverywhere(fran.page, 'the three links');

    await fran.page.goto(links.facilitator);
    await fran.page.getByLabel('Your name').waitFor();
    await cleanEverywhere(fran.page, 'join page');
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();

    const ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    await ana.page.getByText('Waiting for a facilitator to let you in').waitFor();
    await cleanEverywhere(ana.page, 'lobby');

    await button(fran.page, 'Let Ana in').click();
    await seat(ana.page, 'Ana').waitFor();
    await cleanEverywhere(ana.page, 'room (member)');
    await cleanEverywhere(fran.page, 'room (facilitator)');

    await consoleTab(fran.page, 'Meeting');
    await fran.page.getByText('Group settings', { exact: true }).click();
    await button(fran.page, 'Replace the member link').click();
    await fran.page.getByLabel('New member link', { exact: true }).waitFor();
    const stale = await person(env.browser, 'Late', links.member);
    await stale.page.getByText('This link is no longer valid.', { exact: false }).first().waitFor();
    await cleanEverywhere(stale.page, 'no-longer-valid page');

    await button(fran.page, 'Close the meeting').click();
    await button(fran.page, 'Yes, close it for everyone').click();
    await ana.page.getByText('The meeting has ended. Thank you for being here.').waitFor();
    await cleanEverywhere(ana.page, 'closing screen');
    for (const p of [fran, ana, stale]) await p.context.close();
  });

  it("someone who leaves the lobby is gone from the facilitators' list at once (no ghost to admit)", async () => {
    const fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Ghost circle', { lobby: true });
    await fran.page.goto(links.facilitator);
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();
    const gone = await person(env.browser, 'Gil', links.member);
    await join(gone);
    await gone.page.getByText('Waiting for a facilitator to let you in').waitFor();
    await button(fran.page, 'Let Gil in').waitFor();
    await gone.context.close();
    await button(fran.page, 'Let Gil in').waitFor({ state: 'detached', timeout: 5_000 });
    await fran.context.close();
  });
});
