import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import {
  clippedText,
  englishOn,
  englishPhrases,
  latinWordsOn,
  phrasesOf,
  phrasesOn,
  unaccentedText,
  wordsOf,
} from '../support/i18n.js';
import { button, createGroup, eventually, join, person, type Person } from '../support/ui.js';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
/** Latin words a Russian page may show: the languages' own names in the picker, a file format's. */
// Also the browser's own names of its devices ("Fake Default Audio Input", "fake_device_0" here): the
// microphone picker shows them as the system gives them, once the page may list them (a race in CI).
const OWN_NAMES = [
  'English',
  'Español',
  'Français',
  'Deutsch',
  'CSV',
  'Fake',
  'Default',
  'Audio',
  'Input',
  'fake',
  'device',
];
const CONSOLE_TABS = ['Floor', 'People', 'Meeting', 'Tools'] as const;
/** The Russian circle's people: Cyrillic NAMES, so any Latin word on their pages is the client's. */
const NAMES = ['Вера', 'Аня', 'Борис'];
const GROUP = 'Вторничный круг';

/** A seat by its person's name, whatever the language (the circle's own name is translated). */
function seatOf(page: Page, name: string) {
  return page.locator(`.ring > li[aria-label^="${name}"]`);
}

/**
 * Who holds the word, on every page: the seat marked current, by the name its label starts with (the
 * states after the name are joined the language's way, not always with commas).
 */
async function waitHolderIn(pages: Page[], name: string | null) {
  for (const page of pages)
    await eventually(
      async () =>
        name ===
        (await page.evaluate(
          (names) =>
            names.find((n) =>
              document.querySelector('[aria-current="true"]')?.getAttribute('aria-label')?.startsWith(n),
            ) ?? null,
          NAMES,
        )),
      `${name ?? 'nobody'} holds the word`,
    );
}

/** `/join#token` opened in a language (`?lang=` picks it and the browser remembers it). */
const inLanguage = (link: string, lang: string) => link.replace('#', `?lang=${lang}#`);

/** The page's connections to the server and the joins sent on them, counted from the first. */
function watchConnection(page: Page) {
  const seen = { sockets: 0, joins: 0, catalogs: [] as string[] };
  // Each language is its own chunk (`messages-<code>-<hash>.js`), fetched only when chosen.
  page.on('request', (request) => {
    const chunk = /\/messages-(.+)-[\w-]{8}\.js$/.exec(new URL(request.url()).pathname);
    if (chunk && !seen.catalogs.includes(chunk[1]!)) seen.catalogs.push(chunk[1]!);
  });
  page.on('websocket', (ws) => {
    seen.sockets += 1;
    ws.on('framesent', (frame) => {
      if (typeof frame.payload === 'string' && frame.payload.includes('"room:join"')) seen.joins += 1;
    });
  });
  return seen;
}

/**
 * The checks below can fail: a sentence of the English catalog, squeezed into a box too narrow for it
 * and hiding what overflows, is found as English, as clipped and as unaccented; then taken away.
 */
async function detectorsWork(page: Page) {
  const phrase = englishPhrases().find((p) => p.split(' ').length > 4 && /^[\w ]+$/.test(p))!;
  await page.evaluate((text) => {
    const probe = document.createElement('p');
    probe.id = 'probe';
    probe.style.cssText = 'width: 4rem; overflow: hidden; white-space: nowrap';
    probe.textContent = text;
    document.body.append(probe);
  }, phrase);
  expect(await englishOn(page, [])).toContain(phrase);
  expect((await clippedText(page)).join()).toContain(phrase.slice(0, 20));
  expect((await unaccentedText(page, [])).some((text) => text && phrase.startsWith(text))).toBe(true);
  await page.evaluate(() => document.getElementById('probe')!.remove());
}

const htmlAttr = (page: Page, name: string) =>
  page.evaluate((n) => document.documentElement.getAttribute(n), name);

describe('Circle in the languages of its groups, in real Chromium', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  const ru = wordsOf('ru');
  /** What is still English (or not Russian) where a Russian browser walks, by screen; listed at the end. */
  const problems: Record<string, string[]> = {};
  const note = (screen: string, found: string[]) => {
    if (found.length) problems[screen] = [...(problems[screen] ?? []), ...found];
  };
  async function inRussian(page: Page, screen: string) {
    const english = await englishOn(page, NAMES);
    note(`${screen}: English phrases of the catalog`, english);
    // Words of no phrase of the catalog: English that never went through a message.
    const latin = await latinWordsOn(page, OWN_NAMES);
    note(
      `${screen}: other Latin words`,
      latin.filter((w) => !english.some((phrase) => phrase.includes(w))),
    );
    note(`${screen}: axe`, await axeViolations(page));
  }
  let vera: Person, anya: Person, boris: Person;
  let anyaLine: ReturnType<typeof watchConnection>;
  const everyone = () => [vera, anya, boris].map((p) => p.page);

  it('a ru-RU browser creates a group, joins and goes around the circle in Russian', async () => {
    vera = await person(env.browser, 'Вера', 'about:blank', { locale: 'ru-RU', viewport: LAPTOP });
    const veraLine = watchConnection(vera.page);
    await vera.page.goto(env.server.url);
    await eventually(
      async () => (await htmlAttr(vera.page, 'lang')) === 'ru',
      'the page says it is in Russian',
    );
    await detectorsWork(vera.page);
    await inRussian(vera.page, 'home');
    await vera.page.getByText(ru.say('More settings'), { exact: true }).click();
    // 22 minutes: the meeting clock then says "22 минуты" (few), and later 25 (many) and 21 (one).
    await vera.page.getByLabel(ru.say('Meeting length (minutes)'), { exact: true }).fill('22');
    const links = await createGroup(vera.page, GROUP, { say: ru.say });
    await inRussian(vera.page, 'links');

    await vera.page.goto(links.facilitator);
    await vera.page.getByLabel(ru.say('Your name')).waitFor();
    await inRussian(vera.page, 'join');
    await join(vera, { say: ru.say });
    await seatOf(vera.page, 'Вера').waitFor();
    anya = await person(env.browser, 'Аня', 'about:blank', { locale: 'ru-RU', viewport: LAPTOP });
    anyaLine = watchConnection(anya.page);
    await anya.page.goto(links.member);
    boris = await person(env.browser, 'Борис', links.member, { locale: 'ru-RU', viewport: LAPTOP });
    for (const p of [anya, boris]) await join(p, { say: ru.say });
    for (const page of everyone()) for (const name of NAMES) await seatOf(page, name).waitFor();

    await vera.page.getByLabel(ru.say('Person'), { exact: true }).selectOption({ label: 'Аня' });
    await button(vera.page, ru.say('Start a round')).click();
    await waitHolderIn(everyone(), 'Аня');
    await button(anya.page, ru.say("I'm done")).click();
    await waitHolderIn(everyone(), 'Борис');
    await button(boris.page, ru.say('Pass')).click();
    await waitHolderIn(everyone(), 'Вера');
    // Mid-round the seats say the most: who spoke, who passed, who has the word.
    await inRussian(vera.page, 'room (facilitator, mid-round)');
    await inRussian(boris.page, 'room (member, mid-round)');
    await button(vera.page, ru.say("I'm done")).click();
    await waitHolderIn(everyone(), null);
    await inRussian(anya.page, 'room (member, after the round)');
    // The console's other tabs (hidden panels say nothing until chosen).
    for (const tab of CONSOLE_TABS.slice(1)) {
      await vera.page.getByRole('tab', { name: ru.say(tab), exact: true }).click();
      await inRussian(vera.page, `room (facilitator, ${tab} tab)`);
    }
    await vera.page.getByRole('tab', { name: ru.say(CONSOLE_TABS[0]), exact: true }).click();
    expect(veraLine.catalogs, 'only the Russian words were fetched').toEqual(['ru']);
  });

  it('the meeting clock counts minutes in Russian plural forms (22 минуты, 25 минут, 21 минута)', async () => {
    await button(vera.page, ru.say('Open the meeting')).click();
    const clock = (page: Page) => page.locator('.meeting-clock [role="timer"]').innerText();
    const shows = async (text: RegExp) => {
      for (const page of [vera.page, anya.page]) {
        let shown = '';
        await eventually(async () => text.test((shown = await clock(page))), `the clock shows ${text}`).catch(
          (err: Error) => {
            throw new Error(`${err.message}; it shows "${shown}"`);
          },
        );
      }
    };
    await shows(/(^|\s)22 минуты(\s|$)/);
    await vera.page.getByRole('tab', { name: ru.say('Meeting'), exact: true }).click();
    await vera.page.getByText(ru.say('Group settings'), { exact: true }).click();
    for (const [length, text] of [
      ['25', /(^|\s)25 минут(\s|$)/],
      ['21', /(^|\s)21 минута(\s|$)/],
    ] as const) {
      await vera.page.getByLabel(ru.say('Meeting length (minutes)'), { exact: true }).fill(length);
      await button(vera.page, ru.say('Save the settings')).click();
      await shows(text);
    }
    await inRussian(vera.page, 'room (facilitator, meeting open)');
  });

  it('switching Language to Ukrainian re-words the room at once, on the same connection', async () => {
    const uk = wordsOf('uk');
    await anya.page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    expect(anyaLine).toEqual({ sockets: 1, joins: 1, catalogs: ['ru'] });
    // In the room the picker is a row of the More menu.
    await button(anya.page, ru.say('More')).click();
    await anya.page.locator('.language-picker select').selectOption('uk');
    await eventually(
      async () => (await htmlAttr(anya.page, 'lang')) === 'uk',
      'the page says Ukrainian',
      3_000,
    );
    // A Ukrainian label at once, and it works: the hand goes up on the connection Аня joined on.
    await button(anya.page, uk.say('Raise hand')).click({ timeout: 3_000 });
    await seatOf(vera.page, 'Аня').locator('.badge.hand').waitFor();
    await seatOf(anya.page, 'Аня').waitFor({ timeout: 1_000 });
    expect(
      await anya.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    expect(anyaLine, 'no new connection and no new join, the Ukrainian words fetched').toEqual({
      sockets: 1,
      joins: 1,
      catalogs: ['ru', 'uk'],
    });
    const lost = 'Connection lost. Reconnecting… Your place is kept for two minutes.';
    for (const text of [lost, ru.say(lost), uk.say(lost)])
      expect(await anya.page.getByText(text).count(), 'no reconnecting banner').toBe(0);
    note('room in Ukrainian: English phrases of the catalog', await englishOn(anya.page, NAMES));
    // Words kept from before the switch (worded once and cached) would still be Russian.
    const ukrainian = new Set(phrasesOf('uk'));
    const russianOnly = phrasesOf('ru').filter((phrase) => !ukrainian.has(phrase));
    note('room in Ukrainian: Russian left over', await phrasesOn(anya.page, [...NAMES, GROUP], russianOnly));
    note('room in Ukrainian: missing words', [...uk.missing]);
  });

  it('the right-to-left pseudo-locale mirrors the layout', async () => {
    const xb = wordsOf('ar-XB');
    const zara = await person(env.browser, 'Zara', `${env.server.url}/?lang=ar-XB`, { viewport: LAPTOP });
    await eventually(async () => (await htmlAttr(zara.page, 'dir')) === 'rtl', '<html dir="rtl">');
    expect(await htmlAttr(zara.page, 'lang')).toBe('ar-XB');
    expect(await htmlAttr(vera.page, 'dir')).toBe('ltr');
    const links = await createGroup(zara.page, 'RTL circle', { say: xb.say });
    // The invitation card's thick edge is at the start of the line: the right.
    const edges = await zara.page
      .locator('.link-card')
      .first()
      .evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
    expect(edges).toEqual(['8px', '1px']);
    await zara.page.goto(links.facilitator);
    await join(zara, { say: xb.say });
    await seatOf(zara.page, 'Zara').waitFor();
    // Three seats, as in the Russian circle: the second one sits on the right, or right-to-left on the left.
    const others = [];
    for (const name of ['Yara', 'Zed']) {
      const p = await person(env.browser, name, inLanguage(links.member, 'ar-XB'), { viewport: LAPTOP });
      await join(p, { say: xb.say });
      others.push(p);
    }
    for (const name of ['Yara', 'Zed']) await seatOf(zara.page, name).waitFor();

    /**
     * Left edges of the control bar's buttons in their order, of the circle and the console, and the
     * second seat's centre against the circle's.
     */
    const layout = (page: Page) =>
      page.evaluate(() => ({
        bar: Array.from(document.querySelectorAll('.control-bar .bar-button'))
          .filter((b) => b.getClientRects().length > 0)
          .map((b) => b.getBoundingClientRect().x),
        ring: document.querySelector('.ring-wrap')!.getBoundingClientRect().x,
        console: document.querySelector('.console')!.getBoundingClientRect().x,
        secondSeat: (() => {
          const ring = document.querySelector('.ring')!.getBoundingClientRect();
          const seat = document.querySelectorAll('.ring > li')[1]!.getBoundingClientRect();
          return seat.x + seat.width / 2 - (ring.x + ring.width / 2);
        })(),
      }));
    const ltr = await layout(vera.page);
    const rtl = await layout(zara.page);
    expect(ltr.bar[0]).toBeLessThan(ltr.bar.at(-1)!);
    expect(rtl.bar[0], "the bar's first button is on the right").toBeGreaterThan(rtl.bar.at(-1)!);
    expect(ltr.ring).toBeLessThan(ltr.console);
    expect(rtl.ring, 'the console is on the left of the circle').toBeGreaterThan(rtl.console);
    expect(ltr.secondSeat).toBeGreaterThan(0);
    expect(rtl.secondSeat, 'the go-around runs the other way').toBeLessThan(0);
    for (const p of [zara, ...others]) await p.context.close();
  });

  it('the accented pseudo-locale at phone width: no clipped and no untranslated text on any screen', async () => {
    const xa = wordsOf('en-XA');
    const ours = ['Fran', 'Ana', 'XA circle'];
    const check = async (page: Page, screen: string) => {
      note(`${screen} (en-XA, 390x844): clipped`, await clippedText(page));
      note(`${screen} (en-XA, 390x844): not through a message`, await unaccentedText(page, ours));
    };
    const fran = await person(env.browser, 'Fran', `${env.server.url}/?lang=en-XA`, { viewport: PHONE });
    await detectorsWork(fran.page);
    await check(fran.page, 'home');
    const links = await createGroup(fran.page, 'XA circle', { lobby: true, say: xa.say });
    await check(fran.page, 'links');
    await fran.page.goto(links.facilitator);
    await fran.page.getByLabel(xa.say('Your name')).waitFor();
    await check(fran.page, 'join');
    await join(fran, { say: xa.say });
    await seatOf(fran.page, 'Fran').waitFor();

    const ana = await person(env.browser, 'Ana', inLanguage(links.member, 'en-XA'), { viewport: PHONE });
    await join(ana, { say: xa.say });
    await ana.page.locator('p.waiting').waitFor();
    await check(ana.page, 'lobby');
    // On a phone the facilitators' console is a sheet, opened from the bar.
    await fran.page.getByRole('button', { name: xa.say('Console') }).click(); // "Console · 1 waiting"
    await button(fran.page, xa.say('Let {name} in', { name: 'Ana' })).click();
    await seatOf(ana.page, 'Ana').waitFor();
    await check(ana.page, 'room (member)');
    await button(ana.page, xa.say('More')).click();
    await check(ana.page, 'room (member, More open)');
    await check(fran.page, 'room (facilitator)');
    for (const tab of CONSOLE_TABS.slice(1)) {
      await fran.page.getByRole('tab', { name: xa.say(tab), exact: true }).click();
      await check(fran.page, `room (facilitator, ${tab} tab)`);
    }
    note('en-XA: missing words', [...xa.missing]);
    for (const p of [fran, ana]) await p.context.close();
  });

  it('leaves nothing in English, unclipped or unreachable (the list of what is left)', () => {
    note('Russian: missing words', [...ru.missing]);
    expect(problems).toEqual({});
  });
});
