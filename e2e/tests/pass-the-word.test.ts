import { browserAndServer } from '../support/fixture.js';
import { nextButton, raiseHandAs } from '../support/floor.js';
import { describe, expect, it } from 'vitest';
import {
  button,
  createGroup,
  eventually,
  holder,
  join,
  person,
  seat,
  seatLabel,
  waitHolder,
  type Person,
} from '../support/ui.js';

describe('passing the word, in real Chromium', () => {
  // The floor needs no audio: without mediasoup this test stays about the word alone.
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person, ben: Person, cy: Person;
  const everyone = () => [fran, ana, ben, cy].map((p) => p.page);

  it('creates a group and seats a facilitator and three members', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Tuesday circle');
    expect(links.member).toMatch(/\/join#[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(new Set(Object.values(links)).size).toBe(3);
    await fran.page.goto(links.facilitator);
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();
    ana = await person(env.browser, 'Ana', links.member);
    ben = await person(env.browser, 'Ben', links.member);
    cy = await person(env.browser, 'Cy', links.member);
    for (const p of [ana, ben, cy]) await join(p);
    for (const page of everyone()) {
      for (const name of ['Fran', 'Ana', 'Ben', 'Cy']) await seat(page, name).waitFor();
    }
    // Members get no facilitator controls.
    expect(await button(ana.page, 'Start a round').count()).toBe(0);
    expect(await button(ana.page, 'Give the word').count()).toBe(0);
  });

  it('goes around the circle in seat order, and a member passes', async () => {
    await fran.page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ana' });
    await button(fran.page, 'Start a round').click();
    await waitHolder(everyone(), 'Ana');
    await eventually(async () => (await seatLabel(ana.page, 'Ben')).includes('next'), 'Ben is shown as next');

    await button(ana.page, "I'm done").click();
    await waitHolder(everyone(), 'Ben');
    await button(ben.page, 'Pass').click();
    await waitHolder(everyone(), 'Cy');
    expect(await seatLabel(fran.page, 'Ben')).toContain('passed this round');
    expect(await seatLabel(fran.page, 'Ana')).toContain('spoke this round');

    await button(cy.page, "I'm done").click();
    await waitHolder(everyone(), 'Fran');
    await button(fran.page, "I'm done").click();
    await waitHolder(everyone(), null);
    await eventually(
      async () => (await fran.page.getByRole('button', { name: 'Start a round' }).count()) === 1,
      'the round ended',
    );
  });

  it('serves raised hands first come, first served', async () => {
    await raiseHandAs(cy, fran.page, 1);
    await raiseHandAs(ana, fran.page, 2);
    await raiseHandAs(ben, fran.page, 3);
    await ben.page.getByText('3rd in line').waitFor();

    await nextButton(fran.page, 'Cy').click();
    await waitHolder(everyone(), 'Cy');
    // The next in line is told so.
    await ana.page.getByRole('status').getByText(/next/i).first().waitFor();
    await button(cy.page, "I'm done").click();
    await waitHolder(everyone(), 'Ana');
    await button(ana.page, "I'm done").click();
    await waitHolder(everyone(), 'Ben');
    await button(ben.page, "I'm done").click();
    await waitHolder(everyone(), null);
  });

  it('keeps the queue position of a member who goes offline and comes back', async () => {
    await raiseHandAs(ana, fran.page, 1);
    await raiseHandAs(ben, fran.page, 2);
    await raiseHandAs(cy, fran.page, 3);

    await ben.context.setOffline(true);
    await eventually(
      async () => (await seatLabel(fran.page, 'Ben')).includes('offline'),
      'Ben is shown offline',
      30_000,
    );
    expect(await seatLabel(fran.page, 'Ben')).toContain('hand raised, number 2');

    await ben.context.setOffline(false);
    await eventually(
      async () => !(await seatLabel(fran.page, 'Ben')).includes('offline'),
      'Ben is back',
      30_000,
    );
    expect(await seatLabel(fran.page, 'Ben')).toContain('hand raised, number 2');
    await ben.page.getByText('2nd in line').waitFor();

    await nextButton(fran.page, 'Ana').click();
    await waitHolder(everyone(), 'Ana');
    await button(ana.page, "I'm done").click();
    await waitHolder(everyone(), 'Ben');
    expect(await holder(cy.page)).toBe('Ben');
  });
});
