import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndServer } from '../support/fixture.js';
import {
  button,
  createGroup,
  eventually,
  join,
  person,
  seat,
  waitHolder,
  type Person,
} from '../support/ui.js';

/** Where the named camera is on screen and how big: the middle of the ring, or a seat (or nowhere). */
function cameraPlace(page: Page, label: string) {
  return page.evaluate((label) => {
    const shown = Array.from(
      document.querySelectorAll<HTMLVideoElement>(`video[aria-label="${label}"]`),
    ).filter((v) => v.getClientRects().length > 0);
    return shown.map((v) => ({
      where: v.closest('.ring-center') ? 'centre' : v.closest('.seat') ? 'seat' : 'elsewhere',
      width: Math.round(v.getBoundingClientRect().width),
    }));
  }, label);
}

describe("the holder's camera, in real Chromium with a fake camera", () => {
  const env = browserAndServer({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' });
  let fran: Person, ana: Person;

  it('shows the holder large in the middle of the ring on a laptop, and in the top card on a phone', async () => {
    fran = await person(env.browser, 'Fran', env.server.url);
    await fran.page.setViewportSize({ width: 1366, height: 768 });
    const links = await createGroup(fran.page, 'Stage circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    ana = await person(env.browser, 'Ana', links.member);
    await join(ana);
    for (const p of [fran, ana]) await seat(p.page, 'Ana').waitFor();
    await button(ana.page, 'Turn camera on').click();
    // Before the word: Ana's camera sits in her seat.
    await eventually(
      async () =>
        JSON.stringify((await cameraPlace(fran.page, "Ana's camera")).map((c) => c.where)) === '["seat"]',
      "Fran sees Ana's camera in her seat",
      15_000,
    );

    await fran.page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ana' });
    await button(fran.page, 'Give the word').click();
    await waitHolder([fran.page], 'Ana');
    await eventually(
      async () =>
        JSON.stringify((await cameraPlace(fran.page, "Ana's camera")).map((c) => c.where)) === '["centre"]',
      "Ana's camera moves to the middle of the ring, once",
    );
    const [centre] = await cameraPlace(fran.page, "Ana's camera");
    expect(centre?.width).toBeGreaterThan(200);
    await fran.page.screenshot({ path: '/tmp/stage-desktop.png' });

    await fran.page.setViewportSize({ width: 390, height: 844 });
    await eventually(
      async () =>
        JSON.stringify((await cameraPlace(fran.page, "Ana's camera")).map((c) => c.where)) === '["seat"]',
      "on a phone the holder's card on top shows the camera",
    );
    await fran.page.screenshot({ path: '/tmp/stage-phone.png' });
  });

  it('says a held microphone is held, on the mute button and once in the polite region', async () => {
    await fran.page.setViewportSize({ width: 1366, height: 768 });
    await button(fran.page, 'Mute all').click();
    const held = button(ana.page, 'Unmute microphone');
    await eventually(
      async () => (await held.textContent())?.includes('Held by a facilitator') ?? false,
      'held shown',
    );
    expect(await held.getAttribute('aria-pressed')).toBe('true');
    expect(await held.isDisabled()).toBe(true);
    const notices = ana.page.getByRole('status', { name: 'Notices' });
    await notices.getByText('A facilitator is holding your microphone').waitFor();
    await button(fran.page, 'Release all microphones').click();
    await notices.getByText('Your microphone is yours again').waitFor();
    expect(await notices.locator('p').count()).toBe(1);
  });
});
