import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import { nextButton, raiseHandAs } from '../support/floor.js';
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

/**
 * Clicks both buttons at the same wall-clock instant, each against what its own page shows: the second
 * command leaves before its page hears about the first, which is the race people hit on two screens.
 * (Two pages share the machine's clock; a timer in each is far tighter than two remote-controlled clicks.)
 */
async function clickTogether(a: Page, aName: string, b: Page, bName: string) {
  const at = Date.now() + 500;
  const arm = (page: Page, name: string) =>
    page.getByRole('button', { name, exact: true }).evaluate((el, when) => {
      setTimeout(() => (el as HTMLElement).click(), when - Date.now());
    }, at);
  await Promise.all([arm(a, aName), arm(b, bName)]);
}

const refusal = (page: Page, to: string) =>
  page.getByText(`The word already moved to ${to}. Nothing was changed.`);

describe('the floor never skips anyone, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, gil: Person, ana: Person, ben: Person;
  const everyone = () => [fran, gil, ana, ben].map((p) => p.page);

  it('seats two facilitators and two members', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Thursday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    gil = await person(env.browser, 'Gil', links.facilitator);
    ana = await person(env.browser, 'Ana', links.member);
    ben = await person(env.browser, 'Ben', links.member);
    for (const p of [gil, ana, ben]) await join(p);
    for (const page of everyone())
      for (const name of ['Fran', 'Gil', 'Ana', 'Ben']) await seat(page, name).waitFor();
  });

  it('two facilitators press Next together: Ana gets the word, Ben keeps his place', async () => {
    await raiseHandAs(ana, gil.page, 1);
    await raiseHandAs(ben, gil.page, 2);
    await nextButton(fran.page, 'Ana').waitFor();
    await nextButton(gil.page, 'Ana').waitFor();

    await clickTogether(fran.page, 'Give the word to Ana (next)', gil.page, 'Give the word to Ana (next)');
    await waitHolder(everyone(), 'Ana');
    // One of the two was refused and told why; the other's Next is the only move that happened.
    await eventually(
      async () => (await refusal(fran.page, 'Ana').count()) + (await refusal(gil.page, 'Ana').count()) === 1,
      'one facilitator is told the word already moved to Ana',
    );
    expect(await seatLabel(fran.page, 'Ben')).toContain('hand raised, number 1');
    await nextButton(gil.page, 'Ben').waitFor();
  });

  it('Ana presses I’m done as Fran presses Next: Ben gets the word and keeps it', async () => {
    await clickTogether(ana.page, "I'm done", fran.page, 'Give the word to Ben (next)');
    await waitHolder(everyone(), 'Ben');
    // Whichever came second was refused (Fran's Next as stale, or Ana's I'm done as no longer hers).
    await eventually(
      async () =>
        (await refusal(fran.page, 'Ben').count()) +
          (await ana.page.getByText('That is not possible right now.', { exact: false }).count()) ===
        1,
      'the second of the two is refused',
    );
    // Both commands are through now, and Ben's turn was not cut short.
    await waitHolder(everyone(), 'Ben');
    expect(await seatLabel(fran.page, 'Ben')).not.toContain('hand raised');
  });

  it('taking the word back can be undone at once, next to the status line', async () => {
    await button(fran.page, 'Take back the word').click();
    await waitHolder(everyone(), null);
    await button(fran.page, 'Undo').click();
    await waitHolder(everyone(), 'Ben');
  });
});
