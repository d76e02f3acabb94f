import { browserAndServer } from '../support/fixture.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  button,
  consoleTab,
  createGroup,
  eventually,
  join,
  moreSettings,
  person,
  seat,
  seatLabel,
  waitHolder,
  type Person,
} from '../support/ui.js';

/** Two facilitators and three members: the lightest tools first, stepping out, removal, closing, attendance. */
describe('facilitation, in real Chromium', () => {
  // Nothing here needs audio; the media engineer's tests cover it.
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let fran: Person, gus: Person, ana: Person, ben: Person, cy: Person;
  let links: { facilitator: string; member: string; observer: string };
  const inRoom = () => [fran, gus, ana, ben, cy].map((p) => p.page);

  it('creates a group with closing words, support contacts and a meeting day, and seats everyone', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    const page = fran.page;
    await moreSettings(page);
    await page.getByLabel('Closing words').fill('Keep coming back. It works if you work it.');
    await page.getByLabel('Support contacts').fill('Helpline 0800 123 456, day and night.');
    await page.getByLabel('Meeting day').selectOption({ label: 'Tuesday' });
    await page.getByLabel('Meeting time').fill('19:30');
    links = await createGroup(page, 'Tuesday circle');
    await page.goto(links.facilitator);
    await join(fran);
    await seat(page, 'Fran').waitFor();
    gus = await person(env.browser, 'Gus', links.facilitator);
    await join(gus);
    ana = await person(env.browser, 'Ana', links.member);
    ben = await person(env.browser, 'Ben', links.member);
    cy = await person(env.browser, 'Cy', links.member);
    for (const p of [ana, ben, cy]) await join(p);
    for (const p of inRoom())
      for (const name of ['Fran', 'Gus', 'Ana', 'Ben', 'Cy']) await seat(p, name).waitFor();

    await button(fran.page, 'Open the meeting').click();
    for (const p of inRoom()) await p.getByRole('timer', { name: 'Meeting time left' }).waitFor();
    // Members get none of the facilitators' tools.
    expect(await ana.page.getByRole('heading', { name: 'Fairness' }).count()).toBe(0);
    expect(await button(ana.page, 'Remove from this meeting').count()).toBe(0);
  });

  it('exchanges a private word between a member and the facilitators, both ways', async () => {
    await ana.page.getByLabel('Write privately to the facilitators').fill('I am finding today hard.');
    await button(ana.page, 'Send privately').click();
    // Gus, the other facilitator, sees it; Ben does not.
    await consoleTab(gus.page, 'People');
    await gus.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ana (wrote to you)' });
    await gus.page.getByText('I am finding today hard.').waitFor();
    await gus.page.getByLabel('Private word to Ana').fill('Thank you for telling us. We are here.');
    await button(gus.page, 'Send privately').click();
    await ana.page.getByText('Thank you for telling us. We are here.').waitFor();
    await consoleTab(fran.page, 'People');
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ana (wrote to you)' });
    await fran.page.getByText('Thank you for telling us. We are here.').waitFor();
    expect(await ben.page.getByText('I am finding today hard.').count()).toBe(0);
  });

  it('shows a nudge to one member, and the other facilitator sees it was sent', async () => {
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ben' });
    await button(fran.page, 'Send nudge').click();
    await ben.page.getByText("A note from the facilitators: Let's give others a chance to share.").waitFor();
    expect(await ana.page.getByText('A note from the facilitators').count()).toBe(0);
    await consoleTab(gus.page, 'Tools');
    await gus.page.getByRole('list', { name: 'Facilitator actions' }).getByText('Fran nudged Ben').waitFor();
    await button(ben.page, 'Dismiss').click();
  });

  it('sends a member back to the lobby with a short message, and admits them again', async () => {
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Cy' });
    await fran.page
      .getByLabel('Note when sending back to the lobby (optional)')
      .fill('Take a moment outside.');
    await button(fran.page, 'Back to the lobby').click();
    await cy.page.getByText('Waiting for a facilitator to let you in').waitFor();
    await cy.page.getByText('Take a moment outside.').waitFor();
    await eventually(async () => (await seat(ana.page, 'Cy').count()) === 0, 'Cy left the circle');
    await consoleTab(gus.page, 'People');
    await gus.page.getByRole('list', { name: 'Waiting to join' }).getByText('Cy').waitFor();
    await button(gus.page, 'Admit').click();
    for (const p of inRoom()) await seat(p, 'Cy').waitFor();
  });

  it('lets a member step out; the go-around skips them; one click brings them back', async () => {
    await button(ben.page, 'Step out for a moment').click();
    await eventually(async () => (await seatLabel(fran.page, 'Ben')).includes('away'), 'Ben is shown away');
    await consoleTab(fran.page, 'Floor');
    await fran.page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ana' });
    await button(fran.page, 'Start a round').click();
    await waitHolder(inRoom(), 'Ana');
    await button(ana.page, "I'm done").click();
    await waitHolder(inRoom(), 'Cy');
    expect(await seatLabel(fran.page, 'Ben')).toContain('skipped this round');
    await button(cy.page, "I'm done").click();
    await waitHolder(inRoom(), 'Fran');
    await button(fran.page, 'End the round').click();
    await button(fran.page, "I'm done").click();
    await waitHolder(inRoom(), null);
    await button(ben.page, "I'm back").click();
    await eventually(async () => !(await seatLabel(fran.page, 'Ben')).includes('away'), 'Ben is back');
  });

  it('removes a member, who then cannot rejoin, not even by reloading', async () => {
    await consoleTab(fran.page, 'People');
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ben' });
    await button(fran.page, 'Remove from this meeting').click();
    await button(fran.page, 'Yes, remove Ben').click();
    await ben.page
      .getByText('A facilitator has asked you to leave this meeting. You cannot rejoin it.')
      .waitFor();
    await eventually(async () => (await seat(ana.page, 'Ben').count()) === 0, 'Ben is gone from the circle');
    await ben.page.reload();
    await join(ben);
    await ben.page.getByRole('alert').getByText('You cannot rejoin this meeting.').waitFor();
    expect(await seat(fran.page, 'Ben').count()).toBe(0);
  });

  it('closes the meeting: closing words and the next date for everyone, then the room empties', async () => {
    await consoleTab(gus.page, 'Meeting');
    await button(gus.page, 'Close the meeting').click();
    await button(gus.page, 'Yes, close it for everyone').click();
    for (const p of [fran, gus, ana, cy]) {
      await p.page.getByText('The meeting has ended. Thank you for being here.').waitFor();
      await p.page.getByText('Keep coming back. It works if you work it.').waitFor();
      await p.page.getByText(/^Next meeting: Tuesday/).waitFor();
      expect(await seat(p.page, 'Fran').count()).toBe(0);
    }
    await ana.page.getByText('Helpline 0800 123 456, day and night.').waitFor();
  });

  it('downloads the attendance as CSV, with how each person took part', async () => {
    const [download] = await Promise.all([
      fran.page.waitForEvent('download'),
      button(fran.page, 'Download attendance (CSV)').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^attendance-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = csv
      .trim()
      .split('\r\n')
      .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!));
    // The header in the page's language; times in the browser's time zone, named in the header.
    expect(rows[0]).toEqual([
      'Name',
      'Role',
      expect.stringMatching(/^Joined \(.+\)$/),
      expect.stringMatching(/^Left \(.+\)$/),
      'Declaration accepted',
      'Took part',
    ]);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byName.keys()].sort()).toEqual(['Ana', 'Ben', 'Cy', 'Fran', 'Gus']);
    for (const r of byName.values()) {
      expect(r[4]).toBe('yes (version 1)');
      expect(r[3]).not.toBe(''); // everyone has left: the room emptied
    }
    expect(byName.get('Ana')![5]).toBe('shared');
    expect(byName.get('Cy')![5]).toBe('shared');
    expect(byName.get('Ben')![5]).toBe('stepped out');
    expect(byName.get('Gus')![1]).toBe('Facilitator');
  });
});
