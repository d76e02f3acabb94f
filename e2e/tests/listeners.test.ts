import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import {
  button,
  createGroup,
  eventually,
  holder,
  join,
  person,
  seat,
  waitHolder,
  type Person,
} from '../support/ui.js';

/** The listeners' panel: its heading says how many listen. */
const listeners = (page: Page) => page.getByRole('list', { name: 'Listeners', exact: true });
const listener = (page: Page, name: string) =>
  listeners(page).getByRole('listitem', { name: new RegExp(`^${name}(,|$)`) });
const timerSays = (page: Page) => page.locator('.timer-who').innerText();

describe('listeners beyond the seats, in real Chromium', () => {
  // The word alone: without mediasoup the test stays about the list and the floor.
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, ana: Person, ben: Person, lea: Person, max: Person;

  it('fills the two seats, then Lea and Max join as listeners: a count and a list, not seats', async () => {
    // The group is made on the create form: two seats, and listeners beyond them (More settings).
    const creator = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(creator.page, 'Open meeting', {
      more: { Capacity: '2', 'Listeners beyond the seats': '5' },
    });
    await creator.context.close();
    const at = (url: string) => new URL(url, env.server.url).href;
    fran = await person(env.browser, 'Fran', at(links.facilitator));
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();
    ana = await person(env.browser, 'Ana', at(links.member));
    ben = await person(env.browser, 'Ben', at(links.member));
    for (const p of [ana, ben]) {
      await join(p);
      await seat(fran.page, p.name).waitFor();
    }
    lea = await person(env.browser, 'Lea', at(links.member));
    max = await person(env.browser, 'Max', at(links.member));
    for (const p of [lea, max]) await join(p);

    for (const page of [fran.page, ana.page, lea.page]) {
      await page.getByRole('heading', { name: '2 listening' }).waitFor();
      await listener(page, 'Lea').waitFor();
      await listener(page, 'Max').waitFor();
      // Listeners never take a seat in the ring.
      expect(await seat(page, 'Lea').count()).toBe(0);
    }
    await lea.page.getByText('You are listening: the seats are full.', { exact: false }).waitFor();
  });

  it('finds a listener by name, said politely, and clears the search with Escape', async () => {
    const search = fran.page.getByLabel('Find a listener by name');
    await search.fill('ma');
    await fran.page.getByRole('status').filter({ hasText: '1 found' }).waitFor();
    await eventually(
      async () => (await listeners(fran.page).getByRole('listitem').count()) === 1,
      'only Max',
    );
    await listener(fran.page, 'Max').waitFor();
    await search.fill('zed');
    await fran.page.getByText('Nobody listening by that name').waitFor();
    expect(await listeners(fran.page).count()).toBe(0);
    await search.press('Escape');
    await eventually(
      async () => (await listeners(fran.page).getByRole('listitem').count()) === 2,
      'both back',
    );
  });

  it('a listener raises a hand and queues as usual; given the word from the list, shows as the speaker', async () => {
    await button(lea.page, 'Raise hand').click();
    await eventually(
      async () =>
        ((await listener(fran.page, 'Lea').getAttribute('aria-label')) ?? '').includes(
          'hand raised, number 1',
        ),
      "Lea's hand seen in the list",
    );
    // Facilitators see the listener's hand among the raised hands, as any other.
    await fran.page.getByRole('list', { name: 'Raised hands' }).getByText('Lea').first().waitFor();

    await button(fran.page, 'Give the word to Lea').click();
    await waitHolder([fran.page, ana.page, max.page, lea.page], 'Lea');
    await eventually(async () => (await timerSays(ana.page)) === 'Lea has the word', 'Ana sees Lea speak');
    await eventually(async () => (await timerSays(lea.page)) === 'You have the word', 'Lea is told');
    // Holding the word, Lea finishes like anyone seated; the word is free again and she is a listener still.
    await button(lea.page, "I'm done").click();
    await waitHolder([fran.page, ana.page], null);
    expect(await holder(lea.page)).toBeNull();
    await listener(fran.page, 'Lea').waitFor();
    expect(await button(lea.page, 'Give the word to Max').count()).toBe(0);
  });
});
