import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import { joinAs } from '../../server/test/support/client.js';
import { button, createGroup, eventually, join, person, seat, type Person } from '../support/ui.js';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

/** axe at the laptop and the phone size; a screenshot of each goes to /tmp (never into the repository). */
async function axeClean(page: Page, name: string) {
  for (const size of VIEWPORTS) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `/tmp/before-room-${name}-${size.width}.png`, fullPage: true });
    expect(await axeViolations(page), `${name} at ${size.width}x${size.height}`).toEqual([]);
  }
  await page.setViewportSize(VIEWPORTS[0]);
  // The page hears of the wider window a moment later: wait until it lays the console out beside the circle
  // again, or a tap meanwhile is taken for a tap on a phone.
  await page.waitForFunction(() => !document.querySelector('.console.drawer'));
}

describe('before the room: creating a group and the join page, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person;
  let links: Awaited<ReturnType<typeof createGroup>>;

  it('marks a wrong field where it is, with aria-invalid and its message as the description', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    await fran.page.setViewportSize(VIEWPORTS[0]);
    // Sensible defaults: the lobby on, and no size warning at the default capacity.
    expect(await fran.page.getByLabel('Use a lobby (a facilitator lets each person in)').isChecked()).toBe(
      true,
    );
    await fran.page.getByText('More settings').click();
    expect(await fran.page.getByLabel('Capacity').inputValue()).toBe('12');
    expect(await fran.page.locator('#capacity-warning').count()).toBe(0);
    await fran.page.getByLabel('Capacity').fill('13');
    await fran.page.locator('#capacity-warning').waitFor();
    await fran.page.getByLabel('Capacity').fill('12');
    await axeClean(fran.page, 'create-form');

    // No name and a turn limit of 5 seconds: both fields say so, the first gets the keyboard.
    await fran.page.getByLabel('Minutes', { exact: true }).fill('0');
    await fran.page.getByLabel('Seconds', { exact: true }).fill('5');
    await button(fran.page, 'Create group').click();
    await fran.page.getByRole('alert').getByText('Please check the marked fields.').waitFor();
    const name = fran.page.getByLabel('Group name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await eventually(
      async () => (await name.evaluate((el) => el === document.activeElement)) === true,
      'focus on the name',
    );
    const nameDescription = await name.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(nameDescription).toContain('Give the group a name');
    const turn = fran.page.getByLabel('Minutes', { exact: true });
    expect(await turn.getAttribute('aria-invalid')).toBe('true');
    expect(await fran.page.locator('#group-turn-minutes-error').textContent()).toContain('10 seconds');
    await axeClean(fran.page, 'create-form-errors');

    // Fixed: a minute and a half, entered as minutes and seconds; the errors go.
    await fran.page.getByLabel('Minutes', { exact: true }).fill('1');
    await fran.page.getByLabel('Seconds', { exact: true }).fill('30');
    links = await createGroup(fran.page, 'Thursday circle', { lobby: false });
  });

  it('shows the three links as three cards: the role in large type, the facilitator one to keep secret', async () => {
    const page = fran.page;
    const once = await page.getByText('These links are not shown again.').boundingBox();
    const first = await page.getByLabel('Facilitator link', { exact: true }).boundingBox();
    expect(once && first && once.y < first.y).toBe(true);
    for (const role of ['Facilitator', 'Member', 'Observer']) {
      const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^${role}`) });
      const size = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(24);
      await button(page, `Copy ${role.toLowerCase()} invitation`).waitFor();
    }
    await page
      .getByRole('heading', { level: 3, name: /^Facilitator/ })
      .getByText('Keep secret')
      .waitFor();
    // A colour each (and never the colour alone: the name and icon above).
    const colours = await page
      .locator('.link-card')
      .evaluateAll((cards) => cards.map((c) => getComputedStyle(c).borderLeftColor));
    expect(new Set(colours).size).toBe(3);
    expect(links.facilitator).not.toBe(links.member);
    await axeClean(page, 'links');
  });

  it('says why Join is disabled, starts a member muted, and offers a speaker test', async () => {
    const ana = await person(env.browser, 'Ana', links.member);
    const page = ana.page;
    await page.setViewportSize(VIEWPORTS[0]);
    const joinButton = button(page, 'Join');
    const why = async () =>
      joinButton.evaluate((el) => {
        const id = el.getAttribute('aria-describedby');
        return id ? (document.getElementById(id)?.textContent ?? '') : '';
      });
    expect(await joinButton.isDisabled()).toBe(true);
    expect(await why()).toBe('Choose a name and accept the declaration to join.');
    await page.getByLabel('Your name').fill('Ana');
    expect(await why()).toBe('Accept the declaration to join.');
    expect(await page.getByLabel('Join with my microphone muted').isChecked()).toBe(true);
    await button(page, 'Play a test sound').click();
    await axeClean(page, 'join');
    await page.getByLabel('I accept the confidentiality declaration').check();
    expect(await joinButton.isDisabled()).toBe(false);
    expect(await joinButton.getAttribute('aria-describedby')).toBeNull();
    await ana.context.close();
  });

  it("puts the console's sections in tabs (arrow keys move) and a tapped seat opens People on that person", async () => {
    await fran.page.goto(links.facilitator);
    await join(fran);
    const ana = await joinAs(Number(new URL(env.server.url).port), links.member, 'Ana');
    const page = fran.page;
    await seat(page, 'Ana').waitFor();
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    const selected = () =>
      page.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? null);
    const focusedTab = () => page.evaluate(() => document.activeElement?.textContent ?? null);
    expect(await selected()).toBe('Floor');
    await tab('Floor').focus();
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focusedTab()]).toEqual(['People', 'People']);
    await page.getByRole('tabpanel', { name: 'People' }).getByLabel('Participant', { exact: true }).waitFor();
    expect(await page.getByRole('tabpanel', { name: 'Floor', includeHidden: true }).isHidden()).toBe(true);
    await page.keyboard.press('End');
    expect(await selected()).toBe('Tools');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('Floor');
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('Tools');
    await page.keyboard.press('Home');
    expect([await selected(), await focusedTab()]).toEqual(['Floor', 'Floor']);
    await axeClean(page, 'console');

    // Tap Ana's seat (by keyboard here: it is a button): People opens with Ana chosen, the keyboard on the choice.
    await seat(page, 'Ana').getByRole('button', { name: 'Act on Ana' }).focus();
    await page.keyboard.press('Enter');
    expect(await selected()).toBe('People');
    const participant = page.getByLabel('Participant', { exact: true });
    await eventually(
      async () =>
        (await participant.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)) === 'Ana',
      'Ana chosen',
    );
    await eventually(
      async () => (await participant.evaluate((el) => el === document.activeElement)) === true,
      'the keyboard on the choice',
    );
    await button(page, 'Send nudge').waitFor();
    await button(page, 'Hold Ana’s microphone').waitFor();
    // Giving the word is one of the things done to the person chosen.
    await button(page, 'Give the word to Ana').click();
    await page.getByText('Ana has the word').first().waitFor();
    await button(page, 'Give the word to Ana').waitFor({ state: 'detached' });

    // On a phone the console is a closed sheet: a tapped seat opens it on People with Ana chosen.
    await tab('Floor').click();
    await page.setViewportSize(VIEWPORTS[1]);
    await button(page, 'Close the console').waitFor({ state: 'hidden' });
    await seat(page, 'Ana').getByRole('button', { name: 'Act on Ana' }).click();
    await button(page, 'Close the console').waitFor();
    expect(await selected()).toBe('People');
    await page.screenshot({ path: '/tmp/before-room-console-tap-390.png' });
    expect(await axeViolations(page), 'console sheet at 390x844').toEqual([]);
    ana.socket.disconnect();
  });
});
