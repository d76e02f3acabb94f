import { browserAndServer } from '../support/fixture.js';
import { nextButton } from '../support/floor.js';
import { describe, expect, it } from 'vitest';
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

describe('a "newcomer" role-play with two observers and a TIME OUT', () => {
  // The play and its rules are what is tested here; audio holds are covered by the env.server tests.
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person, ben: Person, cy: Person, dee: Person, eve: Person;

  it('runs the exercise from set-up to debrief', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Training evening');
    await fran.page.goto(links.facilitator);
    await join(fran);
    [ana, ben, cy, dee, eve] = (await Promise.all(
      ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'].map((n) => person(env.browser, n, links.member)),
    )) as [Person, Person, Person, Person, Person];
    for (const p of [ana, ben, cy, dee, eve]) await join(p);
    for (const n of ['Ana', 'Ben', 'Cy', 'Dee', 'Eve']) await seat(fran.page, n).waitFor();

    // Set-up: the facilitator assigns the roles from a list.
    const role = (name: string, value: string) =>
      fran.page.getByLabel(`Role for ${name}`).selectOption({ label: value });
    await consoleTab(fran.page, 'Tools');
    await fran.page.getByLabel('Scenario').selectOption({ label: 'The newcomer' });
    await role('Ana', 'Newcomer');
    await role('Ben', 'Leader');
    await role('Cy', 'Group member');
    await role('Dee', 'Observer');
    await role('Eve', 'Observer');
    await button(fran.page, 'Set up the exercise').click();
    await button(fran.page, 'Start the exercise').click();

    // Each sees only their own instructions; observers get their focus questions as a checklist.
    const instructions = (p: Person) => p.page.getByRole('region', { name: 'Your instructions' });
    await instructions(ana)
      .getByText(/coming to this group for the first time/)
      .waitFor();
    await instructions(ben)
      .getByText(/welcome the newcomer/)
      .waitFor();
    expect(await ana.page.getByText(/welcome the newcomer, explain/).count()).toBe(0);
    await dee.page.getByLabel('Did the newcomer dare to ask for help?').waitFor();
    await dee.page.getByLabel('Who started?').waitFor();
    // Observers sit outside the circle and cannot take the word.
    await eventually(async () => (await seat(fran.page, 'Dee').count()) === 0, 'Dee out of the circle');
    await fran.page.getByRole('list', { name: 'Observers' }).getByText('Dee').waitFor();
    expect(await button(dee.page, 'Raise hand').count()).toBe(0);
    await fran.page
      .getByText('Time left in the exercise')
      .waitFor()
      .catch(() => undefined);

    // The play: the leader takes the word.
    await button(ben.page, 'Raise hand').click();
    await consoleTab(fran.page, 'Floor');
    await nextButton(fran.page, 'Ben').click();
    await ben.page.locator('[aria-current="true"]', { hasText: 'Ben' }).waitFor();

    // TIME OUT: frozen; both observers give feedback in turn; Dee shares her notes.
    await consoleTab(fran.page, 'Tools');
    await button(fran.page, 'TIME OUT').click();
    await dee.page.getByText('You have the word for your feedback.').waitFor();
    await ana.page.getByText('Dee is giving feedback.').waitFor();
    await dee.page.getByLabel('Did the newcomer dare to ask for help?').check();
    await dee.page.getByLabel('Notes').fill('Ana was welcomed warmly; the leader asked before explaining.');
    await button(dee.page, 'Share my notes with the group').click();
    await ana.page
      .getByRole('list', { name: 'Shared notes' })
      .getByText('the leader asked before explaining')
      .waitFor();
    await button(fran.page, 'Next observer').click();
    await eve.page.getByText('You have the word for your feedback.').waitFor();
    await dee.page.getByText('Eve is giving feedback.').waitFor();
    await button(fran.page, 'Next observer').click();
    await fran.page.getByText('Every observer has given feedback.').waitFor();

    // Resume, then end: a debrief round starts and the summary is kept for facilitators.
    await button(fran.page, 'Resume the play').click();
    await button(fran.page, 'TIME OUT').waitFor();
    await button(fran.page, 'End the exercise').click();
    await fran.page.getByText(/A go-around is in progress/).waitFor();
    await eventually(async () => (await seat(fran.page, 'Dee').count()) === 1, 'Dee back in the circle');
    await fran.page.getByRole('button', { name: 'Show exercise summaries' }).click();
    const summary = fran.page.getByRole('list', { name: 'Exercise summaries' });
    await summary.getByText(/The newcomer \(run 1\)/).waitFor();
    await summary
      .getByText('Notes from Dee: Ana was welcomed warmly; the leader asked before explaining.')
      .waitFor();
  });
});
