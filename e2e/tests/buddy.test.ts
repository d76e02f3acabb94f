import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import { button, consoleTab, createGroup, join, person, seat, type Person } from '../support/ui.js';

/** Each new screen is checked with axe where it is shown: no serious or critical WCAG violation. */
const accessible = async (p: Person) => expect(await axeViolations(p.page)).toEqual([]);

/** The names on the seats of the circle, in seat order. */
const seatOrder = (page: Page) =>
  page
    .getByRole('list', { name: 'Circle' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => (li.getAttribute('aria-label') ?? '').split(',')[0]));

describe('come with a buddy, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });

  it('a newcomer comes with a buddy: they wait together and one admission seats them side by side', async () => {
    const fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Friday circle', { lobby: true });
    await fran.page.goto(links.facilitator);
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();
    await consoleTab(fran.page, 'People');
    const waiting = fran.page.getByRole('list', { name: 'Waiting to join' });

    const ben = await person(env.browser, 'Ben', links.member);
    const ana = await person(env.browser, 'Ana', links.member);
    for (const p of [ben, ana]) {
      await join(p);
      await waiting.getByText(p.name).waitFor();
      await button(fran.page, 'Admit').click();
      await seat(p.page, p.name).waitFor();
    }

    // Ana makes a one-time invitation from the room's More menu (the keyboard lands on its section).
    await button(ana.page, 'More').click();
    await button(ana.page, 'Bring someone with you').click();
    await button(ana.page, 'Create a one-time invitation').click();
    const link = await ana.page.getByLabel('Invitation for the person you bring').inputValue();
    expect(link).toContain('/join#');
    await accessible(ana);

    // Ana is sent to the lobby for a moment; Cy arrives, then Nia with Ana's invitation.
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ana' });
    await button(fran.page, 'Back to the lobby').click();
    await ana.page.getByText('Waiting for a facilitator to let you in').waitFor();
    const cy = await person(env.browser, 'Cy', links.member);
    await join(cy);
    await waiting.getByText('Cy').waitFor();

    const nia = await person(env.browser, 'Nia', link);
    await nia.page
      .getByText('A member of this group invited you to come with them.', { exact: false })
      .waitFor();
    const firstMeeting = nia.page.getByLabel('Tell the facilitators this is my first meeting');
    expect(await firstMeeting.isChecked()).toBe(false);
    await firstMeeting.check();
    await accessible(nia);
    await join(nia);

    // Each sees the other waiting; the facilitator sees them as one card, marked for a welcome.
    await nia.page.getByText('Ana, who invited you, is waiting here too. You will go in together.').waitFor();
    await ana.page
      .getByText('Nia, whom you invited, is waiting here too. You will go in together.')
      .waitFor();
    await accessible(nia);
    const pair = waiting.getByRole('listitem').filter({ hasText: 'came together' });
    await pair.getByText('Nia: first meeting', { exact: false }).waitFor();
    await accessible(fran);

    // One admission: both in, side by side; Cy, who came in between, still waits.
    await fran.page.getByRole('button', { name: /^Admit both/ }).click();
    await seat(nia.page, 'Nia').waitFor();
    await seat(ana.page, 'Nia').waitFor();
    expect(await seatOrder(fran.page)).toEqual(['Fran', 'Ben', 'Ana', 'Nia']);
    await waiting.getByText('Cy').waitFor();
    await nia.page.getByText('You sit next to Ana, who came with you.').waitFor();
    await fran.page.getByRole('heading', { name: 'Newcomers to welcome' }).waitFor();
    await accessible(nia);
    await accessible(fran);

    // Ben, a member, sees the seats but nothing of Nia's first meeting (she told the facilitators only).
    await seat(ben.page, 'Nia').waitFor();
    // (Ben's own "Bring someone with you" words speak of first meetings in general: none names anyone.)
    for (const shown of [
      /first meeting today/,
      /Newcomers to welcome/,
      /Nia: first meeting/,
      /came with Ana/,
    ])
      expect(await ben.page.getByText(shown).count()).toBe(0);
  });

  it('a member makes an invitation from their member link page too, before the next meeting', async () => {
    const fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Monday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    const ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    await seat(ana.page, 'Ana').waitFor();
    // Another tab of Ana's browser on her member link: the identity it holds is who the invitation is for.
    const page = await ana.context.newPage();
    await page.goto(links.member);
    await button(page, 'Create a one-time invitation').click();
    expect(await page.getByLabel('Invitation for the person you bring').inputValue()).toContain('/join#');
    expect(await axeViolations(page)).toEqual([]);
  });
});
