import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import {
  button,
  createGroup,
  eventually,
  join,
  person,
  seat,
  seatLabel,
  waitHolder,
  type Person,
} from '../support/ui.js';

/** What has the keyboard now: its role and accessible name as the page sees them, or "body". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name =
      el.getAttribute('aria-label') ?? el.querySelector('.bar-label')?.textContent ?? el.textContent;
    return `${el.tagName.toLowerCase()}: ${(name ?? '').trim()}`;
  });
}

async function waitFocus(page: Page, expected: string) {
  await eventually(async () => (await focused(page)) === expected, `the keyboard is on ${expected}`);
}

describe('a member uses the room with the keyboard alone, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person;

  it('lets a member in from the lobby by keyboard; neither keyboard falls to the page body', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Keyboard circle', { lobby: true });
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    await ana.page.getByText('Waiting for a facilitator to let you in').waitFor();

    await button(fran.page, 'Let Ana in').focus();
    await fran.page.keyboard.press('Enter');
    for (const p of [fran, ana]) for (const name of ['Fran', 'Ana']) await seat(p.page, name).waitFor();
    // Let Ana in went with the knock: Fran's keyboard stays in Needs attention.
    await eventually(async () => (await focused(fran.page)) !== 'body', "Fran's keyboard is still somewhere");
    expect(await focused(fran.page)).toMatch(/^section: Needs attention/);
    // Ana's lobby page is gone: her keyboard starts in the control bar.
    await waitFocus(ana.page, 'button: Raise hand');
    // The mute button says its state: pressed means muted (no media in this test: muted, not ready).
    const mic = button(ana.page, 'Unmute microphone');
    expect(await mic.getAttribute('aria-pressed')).toBe('true');
    expect(await mic.textContent()).toContain('Muted');
  });

  it('raises the hand with R, gets the word, passes with P, and the keyboard stays on a control', async () => {
    await ana.page.keyboard.press('r');
    await eventually(async () => (await seatLabel(fran.page, 'Ana')).includes('hand raised'), 'Ana raised');
    // Raise hand became Lower hand: the keyboard follows it instead of falling to the page.
    await waitFocus(ana.page, 'button: Lower hand');

    await fran.page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ana' });
    await button(fran.page, 'Give the word').click();
    await waitHolder([ana.page, fran.page], 'Ana');
    await button(ana.page, "I'm done").waitFor();
    // Fran hears who has the word, once, from the polite region; Ana hears hers at once.
    await fran.page.getByRole('status', { name: 'Notices' }).getByText('Ana has the word').waitFor();
    expect(["button: I'm done", 'button: Pass']).toContain(await focused(ana.page));
    // What is hers to act on is said at once, and only once.
    await ana.page.locator('[aria-live="assertive"]').getByText("It's your turn").waitFor();
    expect(await ana.page.locator('[aria-live="assertive"] p').count()).toBe(1);

    await ana.page.keyboard.press('p');
    await waitHolder([ana.page, fran.page], null);
    expect(await seatLabel(fran.page, 'Ana')).not.toContain('hand raised');
    // I'm done and Pass are gone: the keyboard is on the button that took their place.
    await waitFocus(ana.page, 'button: Raise hand');
  });

  it('opens the list of shortcuts with ? and from More, axe-clean, and gives the keyboard back', async () => {
    await ana.page.keyboard.press('?');
    const dialog = ana.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByText('Raise or lower your hand').waitFor();
    expect(await focused(ana.page)).toBe('button: Close');
    expect(await axeViolations(ana.page)).toEqual([]);
    // Keys do nothing behind an open dialog.
    await ana.page.keyboard.press('r');
    await ana.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(ana.page)).not.toBe('body');
    expect(await button(ana.page, 'Raise hand').count()).toBe(1);

    await button(ana.page, 'More').focus();
    await ana.page.keyboard.press('Enter');
    await button(ana.page, 'Keyboard shortcuts').focus();
    await ana.page.keyboard.press('Enter');
    await dialog.waitFor();
    await ana.page.keyboard.press('Enter'); // Close, which has the keyboard
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(ana.page)).toBe('button: More');
  });

  it('ignores the letters typed in the chat field', async () => {
    const field = ana.page.getByLabel('Write to the group');
    await field.focus();
    await ana.page.keyboard.type('rest, pass, done, video, mute?');
    expect(await field.inputValue()).toBe('rest, pass, done, video, mute?');
    await ana.page.keyboard.press('Enter');
    // The message went after the keys on the same connection: once Fran sees it, any raise would show.
    await fran.page.getByText('rest, pass, done, video, mute?').waitFor();
    expect(await seatLabel(fran.page, 'Ana')).not.toContain('hand raised');
    expect(await button(ana.page, 'Raise hand').count()).toBe(1);
    expect(await ana.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
  });
});
