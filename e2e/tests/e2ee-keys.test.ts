import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.js';
import { startCircle, type CircleProcess } from '../support/server.js';
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

/** What the page's key manager holds (epoch numbers only: the test hook never exposes a key). */
const keys = (p: Person) =>
  p.page.evaluate(() => {
    const hook = (
      window as unknown as {
        __circleE2ee?: { current(): number | null; holds(epoch: number): boolean; code(): string };
      }
    ).__circleE2ee;
    return { current: hook?.current() ?? null, code: hook?.code() ?? '' };
  });

const holds = (p: Person, epoch: number) =>
  p.page.evaluate(
    (e) =>
      (window as unknown as { __circleE2ee?: { holds(epoch: number): boolean } }).__circleE2ee?.holds(e) ??
      false,
    epoch,
  );

/** The verification code as the screen shows it (its accessible name carries the emojis too). */
const shownCode = (p: Person) => p.page.getByRole('img', { name: /^Verification code: / });

async function codeOnScreen(p: Person): Promise<string> {
  const code = shownCode(p);
  await code.waitFor({ timeout: 15_000 });
  return (await code.textContent()) ?? '';
}

describe('end-to-end encryption keys in real Chromium: one verification code, changed by a removal', () => {
  let server: CircleProcess;
  let browser: Browser;
  let fran: Person, ana: Person, ben: Person;

  beforeAll(async () => {
    server = await startCircle({ MEDIASOUP_WORKERS: '1', CIRCLE_MEDIA_PORT: '0' });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the same verification code on three screens, a phone’s among them without scrolling', async () => {
    fran = await person(browser, 'Fran', server.url);
    const links = await createGroup(fran.page, 'Encrypted circle');
    await fran.page.goto(links.facilitator);
    await join(fran);
    await codeOnScreen(fran);
    ana = await person(browser, 'Ana', links.member, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const clicked = Date.now();
    await join(ana, { muted: true });
    await eventually(async () => (await keys(ana)).current !== null, 'Ana holds a media key', 15_000);
    console.log(`[measure] Join click to media key: ${Date.now() - clicked} ms`);
    ben = await person(browser, 'Ben', links.member);
    await join(ben, { muted: true });
    for (const p of [fran, ana, ben]) await seat(p.page, 'Ben').waitFor();

    await eventually(
      async () => {
        const codes = await Promise.all([fran, ana, ben].map(codeOnScreen));
        return codes[0]!.length > 0 && codes.every((c) => c === codes[0]);
      },
      'the same code on every screen',
      15_000,
    );
    const [f, a] = await Promise.all([keys(fran), keys(ana)]);
    expect(a.current).toBe(f.current);
    expect(await codeOnScreen(ana)).toBe(f.code);
    expect(await fran.page.locator('.e2ee-status').first().textContent()).toContain('End-to-end encrypted');
    // On the phone, without scrolling: the code sits in the first screenful.
    const box = await shownCode(ana).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(await ana.page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('changes the code after a removal; the removed browser does not hold the new key', async () => {
    const before = await codeOnScreen(fran);
    const beforeEpoch = (await keys(fran)).current!;
    await consoleTab(fran.page, 'People');
    await fran.page.getByLabel('Participant', { exact: true }).selectOption({ label: 'Ben' });
    await button(fran.page, 'Remove from this meeting').click();
    await button(fran.page, 'Yes, remove Ben').click();
    await ben.page
      .getByText('A facilitator has asked you to leave this meeting. You cannot rejoin it.')
      .waitFor();

    await eventually(
      async () => {
        const [f, a] = await Promise.all([codeOnScreen(fran), codeOnScreen(ana)]);
        return f !== before && f === a;
      },
      'a new code, the same for Fran and Ana',
      15_000,
    );
    const after = (await keys(fran)).current!;
    expect(after).toBeGreaterThan(beforeEpoch);
    expect((await keys(ana)).current).toBe(after);
    expect(await holds(ben, after)).toBe(false);
    expect((await keys(ben)).current).toBeNull();
  });
});
