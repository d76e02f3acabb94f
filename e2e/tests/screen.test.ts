import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import { mediaStats } from '../support/media.js';
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

/** Where a video with this name shows: in the middle of the ring, or anywhere else. */
function videoPlace(page: Page, label: string) {
  return page.evaluate((label) => {
    const shown = Array.from(
      document.querySelectorAll<HTMLVideoElement>(`video[aria-label="${label}"]`),
    ).filter((v) => v.getClientRects().length > 0 && v.videoWidth > 0);
    return shown.map((v) => (v.closest('.ring-center') ? 'centre' : 'elsewhere'));
  }, label);
}

async function moreItems(page: Page): Promise<string[]> {
  await button(page, 'More').click();
  const items = await page.locator('#more-menu button').allInnerTexts();
  await button(page, 'More').click();
  return items;
}

describe('sharing a screen, in real Chromium (fake screen capture)', () => {
  const env = browserAndServer({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' });
  let fran: Person, ana: Person;

  it('puts a shared screen in the middle of the ring for everyone; members share only while a facilitator allows it', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    await fran.page.setViewportSize({ width: 1366, height: 768 });
    const links = await createGroup(fran.page, 'Screen circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    for (const p of [fran, ana]) await seat(p.page, 'Ana').waitFor();
    await eventually(async () => (await moreItems(fran.page)).includes('Share screen'), 'Fran may share');
    expect(await moreItems(ana.page)).not.toContain('Share screen');

    await button(fran.page, 'More').click();
    await button(fran.page, 'Share screen').click();
    await eventually(
      async () => JSON.stringify(await videoPlace(ana.page, "Fran's screen")) === '["centre"]',
      "Ana sees Fran's screen in the middle of the ring",
      15_000,
    );
    await ana.page.screenshot({ path: '/tmp/screen-share.png' });
    expect(await moreItems(fran.page)).toContain('Stop sharing my screen');
    await button(fran.page, 'More').click();
    await button(fran.page, 'Stop sharing my screen').click();
    await eventually(
      async () => (await videoPlace(ana.page, "Fran's screen")).length === 0,
      "Fran's screen leaves Ana's page",
    );

    // Fran lets members share; taking it back stops Ana's screen for everyone (the server closes it).
    await consoleTab(fran.page, 'Floor');
    const allow = fran.page.getByLabel('Members may share their screen');
    // The box shows the server's answer, not the click: wait for it rather than expect it at once.
    await allow.click();
    await eventually(() => allow.isChecked(), 'members allowed to share');
    await eventually(async () => (await moreItems(ana.page)).includes('Share screen'), 'Ana may share');
    await button(ana.page, 'More').click();
    await button(ana.page, 'Share screen').click();
    await eventually(
      async () => JSON.stringify(await videoPlace(fran.page, "Ana's screen")) === '["centre"]',
      "Fran sees Ana's screen in the middle of the ring",
      15_000,
    );
    await allow.click();
    await eventually(async () => !(await allow.isChecked()), 'members no longer allowed');
    await eventually(
      async () => (await videoPlace(fran.page, "Ana's screen")).length === 0,
      "Ana's screen stops when the permission goes",
    );
    await eventually(async () => {
      const items = await moreItems(ana.page);
      return !items.includes('Share screen') && !items.includes('Stop sharing my screen');
    }, "Ana's page knows her screen stopped");
  });

  it("stops other people's video on the server with Low data, and brings it back", async () => {
    await button(fran.page, 'Turn camera on').click();
    const videoGrowth = async (ms = 1_500) => {
      const a = await mediaStats(ana.page);
      await new Promise((r) => setTimeout(r, ms));
      return (await mediaStats(ana.page)).inboundVideoBytes - a.inboundVideoBytes;
    };
    await eventually(async () => (await videoGrowth()) > 20_000, "Fran's camera reaches Ana", 15_000);
    await button(ana.page, 'More').click();
    await button(ana.page, 'Low data: only the holder’s video').click();
    // Fran does not hold the word: with Low data on, her video stops coming (paused on the server).
    await eventually(async () => (await videoGrowth()) < 2_000, 'Ana receives no more video', 10_000);
    await button(ana.page, 'More').click();
    await button(ana.page, 'Turn low data off').click();
    await eventually(async () => (await videoGrowth()) > 20_000, 'the video comes back', 10_000);
  });
});
