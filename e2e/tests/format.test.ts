import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import {
  button,
  consoleTab,
  createGroup,
  eventually,
  join,
  person,
  seat,
  type Person,
} from '../support/ui.js';

/** The current part's panel, as everyone sees it. */
const partPanel = (page: Page) => page.getByRole('region', { name: 'The meeting format' });

/** Whether the element lies wholly in the first screen, above the fixed control bar (nothing scrolled). */
async function aboveControls(page: Page, what: ReturnType<Page['getByRole']>): Promise<boolean> {
  const box = await what.boundingBox();
  const bar = await page.getByRole('region', { name: 'Meeting controls' }).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !bar || !viewport) return false;
  return box.y >= 0 && box.y + box.height <= bar.y && box.x >= 0 && box.x + box.width <= viewport.width;
}

describe('a facilitator steps the meeting format while members follow it, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person, ben: Person;

  it('through a reading (the Reader gets the word) and a go-around with a 3-minute limit, seen on a phone', async () => {
    fran = await person(env.browser, 'Fran', env.server.url, { viewport: { width: 1280, height: 800 } });
    const links = await createGroup(fran.page, 'Thursday harm reduction');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member, { viewport: { width: 390, height: 844 } });
    ben = await person(env.browser, 'Ben', links.member, { viewport: { width: 1280, height: 800 } });
    for (const p of [ana, ben]) await join(p);
    for (const n of ['Ana', 'Ben']) await seat(fran.page, n).waitFor();

    // The facilitator writes the format from a template and names a Reader, in the console's Meeting tab.
    await consoleTab(fran.page, 'Meeting');
    await fran.page.getByText('Meeting format', { exact: true }).click();
    await fran.page
      .getByLabel('Start from a template')
      .selectOption({ label: 'Harm-reduction group with decisional balances (60 minutes)' });
    await button(fran.page, 'Use this template').click();
    expect(await fran.page.getByLabel('Per-turn limit').first().inputValue()).toBe('180');
    await button(fran.page, 'Save the format').click();
    await fran.page.getByText('The format is saved.').waitFor();
    await fran.page.getByLabel('Reader', { exact: true }).selectOption({ label: 'Ben' });
    expect(await axeViolations(fran.page)).toEqual([]);

    // Members see nothing of the format until it starts; then the current part, its text and the Reader.
    expect(await partPanel(ana.page).count()).toBe(0);
    await button(fran.page, 'Start the format').click();
    const anaPart = partPanel(ana.page);
    await anaPart.getByRole('heading', { name: 'Welcome and agreements' }).waitFor();
    await anaPart.getByText('Part 1 of 5 · Reading').waitFor();
    await anaPart.getByText(/Everyone is here on their own terms/).waitFor();
    await anaPart.getByText('Reader: Ben').waitFor();
    // The Reader has the word for the reading, and sees it large.
    await ben.page.getByText('You are the Reader: please read this aloud.').waitFor();
    await ben.page.locator('[aria-current="true"]', { hasText: 'Ben' }).waitFor();
    const large = await partPanel(ben.page)
      .getByRole('region', { name: 'Text of this part' })
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(large).toBeGreaterThanOrEqual(22);
    // On a phone the part is in the first screen, above the control bar.
    expect(
      await aboveControls(ana.page, anaPart.getByRole('heading', { name: 'Welcome and agreements' })),
    ).toBe(true);
    expect(await aboveControls(ana.page, anaPart.getByRole('region', { name: 'Text of this part' }))).toBe(
      true,
    );
    expect(await axeViolations(ana.page)).toEqual([]);

    // Next part, from the keyboard: the go-around starts with its own limit of 3 minutes per turn.
    await button(fran.page, 'Next part').focus();
    await fran.page.keyboard.press('Enter');
    await anaPart.getByRole('heading', { name: 'Since we last met' }).waitFor();
    await anaPart.getByText('Part 2 of 5 · Go-around').waitFor();
    await anaPart.getByText('Each turn: 3 minutes').waitFor();
    await anaPart.getByText(/What went the way you wanted/).waitFor();
    await ana.page.getByText(/A go-around is in progress/).waitFor();
    // The round begins at the first seat; its turn clock counts down from three minutes.
    await ana.page.locator('[aria-current="true"]', { hasText: 'Fran' }).waitFor();
    await eventually(
      async () =>
        /^[23]:\d\d left$/.test(
          (await ana.page.locator('.timer-clock [aria-hidden="true"]').textContent()) ?? '',
        ),
      'the turn clock shows about 3 minutes left',
    );
    // The part has its own clock (15 minutes).
    await anaPart
      .getByRole('timer', { name: 'Time left in this part' })
      .getByText(/1[45] minutes left/)
      .waitFor();
    expect(await aboveControls(ana.page, anaPart.getByText('Each turn: 3 minutes'))).toBe(true);
    // For checking by eye: screenshots go to /tmp, never into the repository.
    await ana.page.screenshot({ path: '/tmp/format-phone.png' });
    await ben.page.screenshot({ path: '/tmp/format-reader.png' });
    await fran.page.screenshot({ path: '/tmp/format-facilitator.png' });
    expect(await axeViolations(ana.page)).toEqual([]);

    // A Timekeeper sees the speaker's time and may signal it once; only the speaker sees the signal.
    await fran.page.getByLabel('Timekeeper', { exact: true }).selectOption({ label: 'Ben' });
    await ben.page.getByRole('heading', { name: 'You keep time' }).waitFor();
    await ben.page.getByText(/^Fran has the word: [23]:\d\d left$/).waitFor();
    expect(await axeViolations(ben.page)).toEqual([]);
    await button(ben.page, 'Signal time to Fran').click();
    await ben.page.getByText('Signalled. Fran saw a gentle note.').waitFor();
    await fran.page.getByText('A gentle time signal: please begin to bring your share to a close.').waitFor();
    expect(await ana.page.getByText(/A gentle time signal/).count()).toBe(0);
    await button(fran.page, 'Dismiss the time signal').click();

    // Back, and the facilitator's steps stay by the part they change.
    await button(fran.page, 'Previous part').click();
    await anaPart.getByRole('heading', { name: 'Welcome and agreements' }).waitFor();
    await eventually(
      async () => (await ana.page.getByText(/A go-around is in progress/).count()) === 0,
      'the round ended',
    );
    // On a phone the facilitator's steps sit with the part, above the control bar.
    await fran.page.setViewportSize({ width: 390, height: 844 });
    await fran.page.evaluate(() => window.scrollTo(0, 0));
    expect(await aboveControls(fran.page, button(fran.page, 'Next part'))).toBe(true);
    expect(await aboveControls(fran.page, partPanel(fran.page).getByRole('heading', { level: 2 }))).toBe(
      true,
    );
    // Members never see the stepping controls.
    expect(await button(ana.page, 'Next part').count()).toBe(0);
    expect(await axeViolations(fran.page)).toEqual([]);
  });
});
