import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import { frameStats, listeningArgs, tonesHeard } from '../support/tone.js';
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

const sendsWithPairKey = async (p: Person) => (await frameStats(p.page))?.pair === true;

describe('end-to-end encrypted side rooms, in real Chromium with a fake microphone playing a tone', () => {
  // One mediasoup worker; Chromium with a fake microphone playing a tone, and audio output it can measure.
  const media = browserAndServer({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' }, listeningArgs());

  it('a side room pair hears each other through frames sealed with their own key, then the circle again', async () => {
    const fran = await person(media.browser, 'Fran', media.server.url);
    // The create form encrypts new groups unless told not to.
    expect(await fran.page.getByLabel('End-to-end encryption', { exact: true }).isChecked()).toBe(true);
    const links = await createGroup(fran.page, 'Thursday circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    const ana = await person(media.browser, 'Ana', links.member);
    await join(ana);
    const ben = await person(media.browser, 'Ben', links.member);
    await join(ben);
    for (const p of [fran, ana, ben])
      await eventually(async () => (await tonesHeard(p.page)) === 2, `${p.name} hears both tones`, 20_000);

    await seat(fran.page, 'Ana').getByRole('button', { name: 'Act on Ana' }).click();
    await consoleTab(fran.page, 'People');
    await button(fran.page, 'Talk privately in a side room').click();
    for (const p of [fran, ana])
      await eventually(() => sendsWithPairKey(p), `${p.name} seals with the pair's key`, 10_000);
    // Each hears the other only, through frames only the two of them can open.
    for (const p of [fran, ana])
      await eventually(async () => (await tonesHeard(p.page)) === 1, `${p.name} hears one tone`, 15_000);
    expect(await sendsWithPairKey(ben)).toBe(false);
    await eventually(async () => (await tonesHeard(ben.page)) === 0, 'Ben hears neither of them', 15_000);

    await button(fran.page, 'End the side room with Ana').click();
    for (const p of [fran, ana])
      await eventually(async () => !(await sendsWithPairKey(p)), `${p.name} back on the meeting key`, 10_000);
    for (const p of [fran, ana, ben])
      await eventually(async () => (await tonesHeard(p.page)) === 2, `${p.name} hears both again`, 20_000);
  });
});
