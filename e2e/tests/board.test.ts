import { browserAndServer } from '../support/fixture.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, createGroup, eventually, join, person, seat, type Person } from '../support/ui.js';

/** The balance region (inside the spotlight when `spotlit`). */
const balance = (page: Page, title: string, spotlit = false) =>
  (spotlit
    ? page.getByRole('region', { name: 'On everyone’s screen' })
    : page.getByRole('region', { name: 'Decisional balances' })
  ).getByRole('region', { name: `Balance: ${title}` });
const quadrant = (page: Page, name: string, spotlit = false) =>
  balance(page, 'My drinking', spotlit).getByRole('region', { name, exact: true });
const items = async (page: Page, name: string, spotlit = false) =>
  (await quadrant(page, name, spotlit).getByRole('listitem').allTextContents()).map((t) => t.trim());
const scale = (page: Page, spotlit = false) => balance(page, 'My drinking', spotlit).getByRole('img');

async function addItem(page: Page, q: string, text: string, importance: number) {
  const region = quadrant(page, q);
  await region.getByLabel('New item').fill(text);
  await region.getByLabel('Importance', { exact: true }).selectOption(String(importance));
  await region.getByRole('button', { name: 'Add', exact: true }).click();
  await region.getByText(text, { exact: true }).waitFor();
}

describe('the decisional balance, shared live', () => {
  const env = browserAndServer();
  let fran: Person, ana: Person, ben: Person, obi: Person;

  it('seats a facilitator, two members and an observer', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    const links = await createGroup(fran.page, 'Thursday harm reduction');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member);
    ben = await person(env.browser, 'Ben', links.member);
    obi = await person(env.browser, 'Obi', links.observer);
    for (const p of [ana, ben, obi]) await join(p);
    for (const name of ['Fran', 'Ana', 'Ben']) await seat(fran.page, name).waitFor();
    await obi.page.getByRole('heading', { name: 'Decisional balances' }).waitFor();
    // Observers cannot start a balance.
    expect(await button(obi.page, 'Start a balance').count()).toBe(0);
  });

  it('the owner adds weighted items and the scale leans', async () => {
    await ana.page.getByLabel('Behaviour').fill('My drinking');
    await button(ana.page, 'Start a balance').click();
    await balance(ana.page, 'My drinking').waitFor();
    await addItem(ana.page, 'Good things about how things are now', 'It relaxes me', 4);
    await addItem(ana.page, 'Good things about changing', 'More money', 5);
    await addItem(ana.page, 'Not-so-good things about how things are now', 'Hangovers', 3);
    await balance(ana.page, 'My drinking').getByLabel('Stage of change').selectOption('contemplation');
    expect(await scale(ana.page).getAttribute('aria-label')).toBe(
      'The balance leans towards changing: reasons to change weigh 8, reasons to stay the same weigh 4.',
    );
    // Re-weigh and reorder with the keyboard-reachable controls.
    await balance(ana.page, 'My drinking').getByLabel('Importance of “It relaxes me”').selectOption('2');
    await eventually(
      async () => (await scale(ana.page).getAttribute('aria-label'))!.includes('stay the same weigh 2'),
      'the scale follows the new weight',
    );
    // Private until shared: Ben does not see it; the facilitator does.
    await fran.page.getByRole('button', { name: 'My drinking (Ana, private)' }).waitFor();
    expect(await ben.page.getByRole('button', { name: /My drinking/ }).count()).toBe(0);
  });

  it('another member suggests an item and the owner accepts it', async () => {
    // The box shows the server's answer, not the click: wait for it rather than expect it at once.
    const share = balance(ana.page, 'My drinking').getByLabel('Share with the room');
    await share.click();
    await eventually(() => share.isChecked(), 'the balance shared');
    await ben.page.getByRole('button', { name: 'My drinking (Ana)' }).click();
    const q = quadrant(ben.page, 'Not-so-good things about changing');
    await q.waitFor();
    // A member only proposes: no direct add, no item controls.
    expect(await balance(ben.page, 'My drinking').getByLabel('New item').count()).toBe(0);
    expect(
      await balance(ben.page, 'My drinking')
        .getByRole('button', { name: /^Remove/ })
        .count(),
    ).toBe(0);
    await q.getByLabel('Suggestion').fill('Losing my drinking friends');
    await q.getByLabel('Importance', { exact: true }).selectOption('3');
    await q.getByRole('button', { name: 'Suggest' }).click();

    const accept = balance(ana.page, 'My drinking').getByRole('button', {
      name: 'Accept “Losing my drinking friends”',
    });
    await accept.click();
    for (const page of [ana.page, ben.page])
      await eventually(
        async () =>
          (await items(page, 'Not-so-good things about changing')).some((t) =>
            t.startsWith('Losing my drinking friends'),
          ),
        'the accepted suggestion is an item for everyone',
      );
    expect(
      await balance(ben.page, 'My drinking').getByRole('list', { name: 'Suggestions waiting' }).count(),
    ).toBe(0);
    expect(await scale(ben.page).getAttribute('aria-label')).toBe(
      'The balance leans towards changing: reasons to change weigh 8, reasons to stay the same weigh 5.',
    );
  });

  it('the facilitator puts it on everyone’s screen, and an observer cannot edit it', async () => {
    await fran.page.getByRole('button', { name: 'My drinking (Ana)' }).click();
    await balance(fran.page, 'My drinking').getByRole('button', { name: 'Put on everyone’s screen' }).click();
    for (const p of [ana, ben, obi]) await balance(p.page, 'My drinking', true).waitFor();
    const seen = balance(obi.page, 'My drinking', true);
    expect(await items(obi.page, 'Good things about changing', true)).toEqual([
      expect.stringContaining('More money'),
    ]);
    for (const label of ['New item', 'Suggestion', 'Stage of change'])
      expect(await seen.getByLabel(label, { exact: true }).count()).toBe(0);
    expect(await seen.getByRole('button').count()).toBe(0);
    expect(await seen.getByText('read only').count()).toBe(1);
    await balance(fran.page, 'My drinking', true)
      .getByRole('button', { name: 'Take down from everyone’s screen' })
      .click();
    await eventually(
      async () => (await obi.page.getByRole('region', { name: 'On everyone’s screen' }).count()) === 0,
      'the spotlight is down',
    );
  });

  it('keeps everything across a reload and an offline edit', async () => {
    await ana.page.reload();
    await join(ana);
    await quadrant(ana.page, 'Not-so-good things about changing')
      .getByText('Losing my drinking friends', { exact: true })
      .waitFor();
    expect(await items(ana.page, 'Good things about changing')).toEqual([
      expect.stringContaining('More money'),
    ]);
    expect(await balance(ana.page, 'My drinking').getByLabel('Stage of change').inputValue()).toBe(
      'contemplation',
    );

    await ana.context.setOffline(true);
    await ana.page.getByText('Connection lost').waitFor({ timeout: 30_000 });
    const q = quadrant(ana.page, 'Good things about changing');
    await q.getByLabel('New item').fill('Sleeping through the night');
    await q.getByRole('button', { name: 'Add', exact: true }).click();
    await balance(ana.page, 'My drinking')
      .getByText(/Offline: 1 change/)
      .waitFor();
    await ana.context.setOffline(false);
    await balance(ana.page, 'My drinking').getByText('All changes saved').waitFor({ timeout: 30_000 });
    for (const page of [ana.page, fran.page, ben.page])
      await eventually(
        async () =>
          (await items(page, 'Good things about changing')).some((t) =>
            t.startsWith('Sleeping through the night'),
          ),
        'the offline edit reached everyone',
        30_000,
      );
    // And a reload after that still has all of it.
    await ben.page.reload();
    await join(ben);
    await quadrant(ben.page, 'Good things about changing')
      .getByText('Sleeping through the night', { exact: true })
      .waitFor();
    expect(await items(ben.page, 'Not-so-good things about changing')).toEqual([
      expect.stringContaining('Losing my drinking friends'),
    ]);
  });
});
