import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import { button, consoleTab, createGroup, join, person, seat, type Person } from '../support/ui.js';

const accessible = async (p: Person) => expect(await axeViolations(p.page)).toEqual([]);
const pageText = (page: Page) => page.evaluate(() => document.body.innerText);

/** After a meeting, on the closing screen: "How was it?" (a newcomer's first time), what one took, a goal. */
async function writeAfterMeeting(p: Person, took: string, goal: string) {
  await p.page.getByText('The meeting has ended. Thank you for being here.').waitFor();
  await p.page.getByRole('group', { name: 'How was it? (optional)' }).waitFor();
  const face = p.page.getByRole('button', { name: 'It went well' });
  await face.click();
  expect(await face.getAttribute('aria-pressed')).toBe('true');
  await p.page.getByLabel('What I took from this meeting').fill(took);
  await p.page.getByLabel('My goal until next time').fill(goal);
  await button(p.page, 'Save in my journal').click();
  await p.page.getByText('Saved in your journal. You will see it in the room next time.').waitFor();
}

describe('My journal and celebrations, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });

  it('a member writes after a meeting; at the next one only they see their last entry and goal', async () => {
    const fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Thursday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    const ana = await person(env.browser, 'Ana', links.member);
    const ben = await person(env.browser, 'Ben', links.member);
    for (const p of [ana, ben]) {
      await join(p);
      await seat(p.page, p.name).waitFor();
      // The room has read their (empty) journal: at the close they are asked "How was it?".
      await p.page.getByRole('heading', { name: 'My journal' }).waitFor();
    }

    await consoleTab(fran.page, 'Meeting');
    await button(fran.page, 'Close the meeting').click();
    await button(fran.page, 'Yes, close it for everyone').click();
    await writeAfterMeeting(ana, 'Hearing the others helped me', 'Call Sam on Tuesday');
    await accessible(ana);
    await writeAfterMeeting(ben, 'Ben kept this for himself', 'Walk every morning');

    // The next meeting, in the same browsers (the same personal identities).
    await button(fran.page, 'Join again').click();
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();
    for (const p of [ana, ben]) {
      await p.page.reload();
      await join(p);
      await seat(p.page, p.name).waitFor();
    }
    const last = (p: Person) => p.page.getByRole('region', { name: 'Last time' });
    await last(ana).getByText('Hearing the others helped me').waitFor();
    await last(ana).getByText('Call Sam on Tuesday').waitFor();
    await accessible(ana);
    // Ben's own entry is there (his journal has loaded), and nothing of Ana's anywhere on his screen.
    await last(ben).getByText('Walk every morning').waitFor();
    const benSees = await pageText(ben.page);
    expect(benSees).not.toContain('Hearing the others helped me');
    expect(benSees).not.toContain('Call Sam on Tuesday');
    expect(await pageText(ana.page)).not.toContain('Walk every morning');
    // The facilitators read only what a member shares: neither shared.
    await consoleTab(fran.page, 'People');
    const franSees = await pageText(fran.page);
    for (const words of ['Hearing the others helped me', 'Call Sam on Tuesday', 'Walk every morning'])
      expect(franSees).not.toContain(words);
    for (const p of [fran, ana, ben]) await p.context.close();
  });

  it('a milestone told privately reaches the facilitators only; announced with the member’s yes, the room sees it', async () => {
    const fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Sunday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    const ana = await person(env.browser, 'Ana', links.member);
    const ben = await person(env.browser, 'Ben', links.member);
    for (const p of [ana, ben]) {
      await join(p);
      await seat(p.page, p.name).waitFor();
    }
    const tell = async (p: Person, amount: string, unit: string, announce: boolean) => {
      await p.page.getByText('Celebrating a milestone?', { exact: true }).click();
      await p.page.getByLabel('How many').fill(amount);
      await p.page.getByLabel('Of what').selectOption({ label: unit });
      if (announce) await p.page.getByLabel('The facilitators may announce it to the group').check();
      await button(p.page, 'Tell the facilitators').click();
    };
    await tell(ben, '2', 'years', false);
    await ben.page.getByText('You told the facilitators: 2 years. Only they know.').waitFor();
    await tell(ana, '90', 'days', true);
    await ana.page
      .getByText('You told the facilitators: 90 days. They may announce it to the group.')
      .waitFor();
    await accessible(ana);

    const told = fran.page.getByRole('region', { name: 'Celebrations told to you' });
    await told.getByText('Ben: 2 years').waitFor();
    await told.getByText('Ana: 90 days').waitFor();
    await accessible(fran);
    // Ben's is for the facilitators only: no announce button for it.
    expect(await button(fran.page, 'Announce Ben’s milestone to the group').count()).toBe(0);
    await button(fran.page, 'Acknowledge Ben quietly').click();
    await ben.page.getByText('A facilitator acknowledged your milestone. Congratulations!').waitFor();
    await button(fran.page, 'Announce Ana’s milestone to the group').click();
    for (const p of [ana, ben, fran]) await p.page.getByText('Ana celebrates 90 days').waitFor();
    await ana.page
      .getByText('A facilitator announced your milestone to the group. Congratulations!')
      .waitFor();
    expect(await pageText(ana.page)).not.toContain('2 years');
    for (const p of [fran, ana, ben]) await p.context.close();
  });
});
