import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
import { axeViolations } from '../support/axe.js';

/** Where the page is checked by eye when a step fails: screenshots go to /tmp, never into the repository. */
const shot = (p: Person, name: string) => p.page.screenshot({ path: `/tmp/confidentiality-${name}.png` });
/** Each new screen is checked with axe where it is shown: no serious or critical WCAG violation. */
const accessible = async (p: Person) => expect(await axeViolations(p.page)).toEqual([]);

/** A new group from the home page, its facilitator already in the room. */
async function groupWithFacilitator(env: ReturnType<typeof browserAndServer>, name: string, lobby = false) {
  const fran = await person(env.browser, 'Fran', env.server.url);
  const links = await createGroup(fran.page, name, { lobby });
  await fran.page.goto(links.facilitator);
  await join(fran);
  await seat(fran.page, 'Fran').waitFor();
  return { fran, links };
}

async function openGroupSettings(page: Page) {
  await consoleTab(page, 'Meeting');
  const details = page.locator('details', { has: page.getByText('Group settings', { exact: true }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await page.getByText('Group settings', { exact: true }).click();
  await page.getByRole('heading', { name: 'Invitation links' }).waitFor();
}

async function pick(facilitator: Page, name: string) {
  await consoleTab(facilitator, 'People');
  await facilitator.getByLabel('Participant', { exact: true }).selectOption({ label: name });
}

async function say(p: Person, text: string) {
  await p.page.getByLabel('Write to the group').fill(text);
  await p.page.getByLabel('Write to the group').press('Enter');
}

const seatCount = (page: Page) => page.getByRole('list', { name: 'Circle' }).getByRole('listitem').count();

describe('confidentiality, as people use it, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });

  it('replaces the member link: the old one says so, the new one works, who is inside stays', async () => {
    const { fran, links } = await groupWithFacilitator(env, 'Monday circle');
    const ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    await seat(fran.page, 'Ana').waitFor();

    await openGroupSettings(fran.page);
    await button(fran.page, 'Replace the member link').click();
    const fresh = await fran.page.getByLabel('New member link', { exact: true }).inputValue();
    expect(fresh).toMatch(/\/join#/);
    expect(fresh).not.toBe(links.member);
    await fran.page.getByText('The old member link no longer works.').waitFor();
    await shot(fran, 'replace-panel');
    await accessible(fran);

    const late = await person(env.browser, 'Ben', links.member);
    await late.page.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    await late.page
      .getByRole('alert')
      .getByText('This link is no longer valid. Ask your facilitator for the new one.')
      .waitFor();
    expect(await late.page.getByLabel('Your name').count()).toBe(0);
    await shot(late, 'no-longer-valid');
    await accessible(late);

    await late.page.goto(fresh);
    await late.page.getByLabel('Your name').waitFor();
    await join(late);
    await seat(fran.page, 'Ben').waitFor();

    // Ana came in with the old link and keeps her place; her words still reach the room.
    await seat(ana.page, 'Ana').waitFor();
    await seat(fran.page, 'Ana').waitFor();
    await say(ana, 'Still here.');
    await fran.page.getByRole('list', { name: 'Chat messages' }).getByText('Still here.').waitFor();

    // Her page reloads (the address still holds the old link): it opens for her, as the same person.
    const seatsBefore = await seatCount(fran.page);
    await ana.page.reload();
    await ana.page.getByLabel('Your name').waitFor();
    await join(ana);
    await seat(ana.page, 'Ana').waitFor();
    expect(await seatCount(fran.page)).toBe(seatsBefore);
    expect(await seat(fran.page, 'Ana').count()).toBe(1);
    for (const p of [fran, ana, late]) await p.context.close();
  });

  it('replaces the facilitator link: a co-facilitator inside still downloads the attendance', async () => {
    const { fran, links } = await groupWithFacilitator(env, 'Sunday circle');
    const gus = await person(env.browser, 'Gus', links.facilitator);
    await join(gus);
    await seat(gus.page, 'Fran').waitFor();
    await openGroupSettings(fran.page);
    await button(fran.page, 'Replace the facilitator link').click();
    await fran.page.getByLabel('New facilitator link', { exact: true }).waitFor();

    // Gus never saw the new link; his browser still holds the old one.
    await consoleTab(gus.page, 'Meeting');
    const [download] = await Promise.all([
      gus.page.waitForEvent('download'),
      button(gus.page, 'Download attendance (CSV)').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^attendance-.*\.csv$/);
    expect(await gus.page.getByRole('alert').count()).toBe(0);
    for (const p of [fran, gus]) await p.context.close();
  });

  it('adds a device with a one-time code: same person, same seat, every device told; the code works once', async () => {
    const { fran, links } = await groupWithFacilitator(env, 'Tuesday circle');
    const ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    await seat(fran.page, 'Ana').waitFor();
    const seatsBefore = await seatCount(fran.page);

    await button(ana.page, 'Add another device').click();
    const code = (await ana.page.getByLabel('Code for your other device').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    const phone = await person(env.browser, 'Ana', links.member);
    await button(phone.page, 'I have a code from my other device').click();
    await phone.page.getByLabel('Code from your other device').fill(code.toLowerCase());
    await shot(phone, 'device-code-form');
    await accessible(phone);
    await button(phone.page, 'Use this code').click();
    await phone.page.getByText('This device now has your identity.').waitFor();
    await ana.page.getByText('Your identity is now also on another device.').waitFor();

    await join(phone);
    await seat(phone.page, 'Ana').waitFor();
    // One person on two devices: the same seat, nobody new in the circle.
    await eventually(async () => (await seat(fran.page, 'Ana').count()) === 1, 'Ana has one seat');
    expect(await seatCount(fran.page)).toBe(seatsBefore);

    // The same code a second time, from another browser, is refused in plain words.
    const thief = await person(env.browser, 'Mallory', links.member);
    await button(thief.page, 'I have a code from my other device').click();
    await thief.page.getByLabel('Code from your other device').fill(code);
    await button(thief.page, 'Use this code').click();
    await thief.page
      .getByRole('alert')
      .getByText('This code is not valid. Codes work once and only for a few minutes')
      .waitFor();
    await shot(thief, 'device-code-refused');
    for (const p of [fran, ana, phone, thief]) await p.context.close();
  });

  it('removes a member from the group: refused at the next meeting until a facilitator lets them back in', async () => {
    const { fran, links } = await groupWithFacilitator(env, 'Wednesday circle');
    const ben = await person(env.browser, 'Ben', links.member);
    await join(ben);
    await seat(fran.page, 'Ben').waitFor();

    await pick(fran.page, 'Ben');
    await button(fran.page, 'Remove from the group').click();
    // The confirmation is in the page, says what it means, and is not a browser pop-up.
    let popups = 0;
    fran.page.on('dialog', (d) => {
      popups += 1;
      void d.dismiss();
    });
    await fran.page.getByText('cannot join any later one until a facilitator lets them back in').waitFor();
    await shot(fran, 'remove-from-group-confirm');
    await accessible(fran);
    await button(fran.page, 'Yes, remove Ben from the group').click();
    expect(popups).toBe(0);
    await ben.page
      .getByRole('status')
      .getByText('A facilitator has removed you from this group. You cannot join its meetings')
      .waitFor();
    expect(await button(ben.page, 'Join again').count()).toBe(0);
    await eventually(async () => (await seat(fran.page, 'Ben').count()) === 0, 'Ben left the circle');

    // The next meeting.
    await consoleTab(fran.page, 'Meeting');
    await button(fran.page, 'Close the meeting').click();
    await button(fran.page, 'Yes, close it for everyone').click();
    await fran.page.getByText('The meeting has ended.').waitFor();
    await button(fran.page, 'Join again').click();
    await join(fran);
    await seat(fran.page, 'Fran').waitFor();

    await ben.page.reload();
    await join(ben);
    await ben.page
      .getByRole('alert')
      .getByText('A facilitator has removed you from this group. You cannot join its meetings')
      .waitFor();
    await shot(ben, 'removed-from-group-refused');
    await accessible(ben);
    expect(await seat(fran.page, 'Ben').count()).toBe(0);

    await openGroupSettings(fran.page);
    const row = fran.page.locator('.excluded-list li', { hasText: 'Ben' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Let back in' }).click();
    await fran.page.getByText('Nobody is removed from the group.').waitFor();

    await button(ben.page, 'Back').click();
    await join(ben);
    await seat(fran.page, 'Ben').waitFor();
    await seat(ben.page, 'Ben').waitFor();
    for (const p of [fran, ben]) await p.context.close();
  });

  it('back to the lobby: the room is gone from that page within a second; newcomers wait too', async () => {
    const { fran, links } = await groupWithFacilitator(env, 'Thursday circle');
    const ana = await person(env.browser, 'Ana', links.member);
    const cy = await person(env.browser, 'Cy', links.member);
    for (const p of [ana, cy]) await join(p);
    for (const name of ['Ana', 'Cy']) await seat(cy.page, name).waitFor();
    await say(ana, 'Before the lobby.');
    await cy.page.getByRole('list', { name: 'Chat messages' }).getByText('Before the lobby.').waitFor();

    await pick(fran.page, 'Cy');
    await fran.page
      .getByLabel('Note when sending back to the lobby (optional)')
      .fill('Take a breath outside.');
    const started = Date.now();
    await button(fran.page, 'Back to the lobby').click();
    await cy.page.waitForFunction(
      () =>
        !document.querySelector('[aria-label="Circle"]') &&
        !document.getElementById('chat-heading') &&
        !document.body.innerText.includes('Before the lobby.'),
      undefined,
      { timeout: 1_000, polling: 50 },
    );
    const goneAfterMs = Date.now() - started;
    expect(goneAfterMs).toBeLessThan(1_000);
    console.log(`[confidentiality] room gone from the lobbied page after ${goneAfterMs} ms`);
    await cy.page.getByText('Waiting for a facilitator to let you in').waitFor();
    await cy.page.getByText('Take a breath outside.').waitFor();

    // What is said afterwards never reaches Cy's page: Fran seeing it is the barrier.
    await say(ana, 'Said while Cy waits.');
    await fran.page.getByRole('list', { name: 'Chat messages' }).getByText('Said while Cy waits.').waitFor();
    expect(await cy.page.getByText('Said while Cy waits.').count()).toBe(0);
    expect(await cy.page.getByText('Ana').count()).toBe(0);
    await shot(cy, 'lobbied');
    await accessible(cy);

    // Someone new with the member link now waits in the lobby too (no lobby was set for this group).
    const dee = await person(env.browser, 'Dee', links.member);
    await join(dee);
    await dee.page.getByText('Waiting for a facilitator to let you in').waitFor();
    const waiting = fran.page.getByRole('list', { name: 'Waiting to join' });
    await waiting.getByText('Dee').waitFor();
    await waiting.getByText('Cy').waitFor();
    expect(await seat(fran.page, 'Dee').count()).toBe(0);
    for (const p of [fran, ana, cy, dee]) await p.context.close();
  });

  it('with the lobby on, an observer waits in it and the facilitator sees them knocking', async () => {
    const { fran, links } = await groupWithFacilitator(env, 'Friday circle', true);
    const obi = await person(env.browser, 'Obi', links.observer);
    await join(obi);
    await obi.page.getByText('Waiting for a facilitator to let you in').waitFor();
    expect(await obi.page.getByRole('list', { name: 'Circle' }).count()).toBe(0);
    await consoleTab(fran.page, 'People');
    await fran.page.getByRole('list', { name: 'Waiting to join' }).getByText('Obi').waitFor();
    expect(await fran.page.getByRole('list', { name: 'Observers' }).getByText('Obi').count()).toBe(0);
    await button(fran.page, 'Admit').click();
    await fran.page.getByRole('list', { name: 'Observers' }).getByText('Obi').waitFor();
    for (const p of [fran, obi]) await p.context.close();
  });
});
