import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DECLARATIONS, PLAIN_DECLARATIONS } from '@circle/shared';
import type { InviteInfo } from '@circle/shared';
import { axeViolations } from '../support/axe.js';
import { browserAndServer } from '../support/fixture.js';
import { button, eventually, person, type Person } from '../support/ui.js';

/**
 * The browser's speech, replaced by a recorder: what would be spoken, in which language, and whether it
 * is speaking. A real voice is not needed to prove the button speaks the shown text and stops.
 */
async function recordSpeech(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { spoken: { text: string; lang: string }[]; speaking: boolean };
    w.spoken = [];
    w.speaking = false;
    let current: SpeechSynthesisUtterance | null = null;
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak(u: SpeechSynthesisUtterance) {
          w.spoken.push({ text: u.text, lang: u.lang });
          w.speaking = true;
          current = u;
        },
        cancel() {
          w.speaking = false;
          const u = current;
          current = null;
          u?.onend?.(new Event('end') as SpeechSynthesisEvent);
        },
        getVoices: () => [],
      },
    });
  });
}

const declaration = (p: Person) => p.page.locator('#join-declaration');
/** The declaration's lines as shown: the plain version puts each idea on a line of its own. */
const shownText = (p: Person) =>
  declaration(p).evaluate((el) => {
    const lines = Array.from(el.querySelectorAll('.plain-line'), (l) => l.textContent);
    return lines.length ? lines.join('\n') : el.textContent;
  });

describe('the declaration before joining: the group’s language, plain words, read aloud', () => {
  const env = browserAndServer({ CIRCLE_MEDIA: 'off' });
  let memberLink: string;

  it('a group created from a Russian browser meets in Russian and stores the Russian default declaration', async () => {
    const fran = await person(env.browser, 'Фран', env.server.url, { locale: 'ru-RU' });
    await fran.page.getByLabel('Название группы').fill('Вторник');
    await fran.page.getByText('Другие настройки').click();
    expect(await fran.page.getByLabel('Язык группы').inputValue()).toBe('ru');
    expect(await fran.page.getByLabel('Соглашение о конфиденциальности').inputValue()).toBe(
      DEFAULT_DECLARATIONS.ru,
    );
    // Until chosen, the group's language follows the page's.
    await fran.page.locator('.language-picker select').selectOption('uk');
    expect(await fran.page.getByLabel('Мова групи').inputValue()).toBe('uk');
    expect(await fran.page.getByLabel('Угода про конфіденційність').inputValue()).toBe(
      DEFAULT_DECLARATIONS.uk,
    );
    await fran.page.locator('.language-picker select').selectOption('ru');
    expect(await fran.page.getByLabel('Язык группы').inputValue()).toBe('ru');
    // Choosing another language before writing one's own text brings that language's default.
    await fran.page.getByLabel('Язык группы').selectOption('uk');
    expect(await fran.page.getByLabel('Соглашение о конфиденциальности').inputValue()).toBe(
      DEFAULT_DECLARATIONS.uk,
    );
    await fran.page.getByLabel('Язык группы').selectOption('ru');
    await button(fran.page, 'Создать группу').click();
    await fran.page.getByLabel('Ссылка для участника', { exact: true }).waitFor();
    memberLink = await fran.page.getByLabel('Ссылка для участника', { exact: true }).inputValue();

    const token = memberLink.replace(/^.*\/join#/, '');
    const res = await fetch(`${env.server.url}/api/invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const invite = (await res.json()) as InviteInfo;
    expect(invite.language).toBe('ru');
    expect(invite.declaration).toBe(DEFAULT_DECLARATIONS.ru);
    await fran.context.close();
  });

  it('a reader in English sees the same promise in English, in plain words when asked, and can have it read aloud', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    await recordSpeech(context);
    const page = await context.newPage();
    const ana: Person = { name: 'Ana', context, page };
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(memberLink);

    await declaration(ana).waitFor();
    expect(await shownText(ana)).toBe(DEFAULT_DECLARATIONS.en);
    expect(await declaration(ana).getAttribute('lang')).toBe('en');

    await page.getByLabel('Show in plain words').check();
    await eventually(async () => (await shownText(ana)) === PLAIN_DECLARATIONS.en, 'the plain declaration');
    await page.getByLabel('I promise this').waitFor();
    await page.getByText('Write your first name.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const before = requests.length;
    await button(page, 'Read aloud').click();
    await button(page, 'Stop reading').waitFor();
    expect(await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)).toEqual([
      { text: PLAIN_DECLARATIONS.en, lang: 'en' },
    ]);
    await button(page, 'Stop reading').click();
    await button(page, 'Read aloud').waitFor();
    expect(await page.evaluate(() => (window as unknown as { speaking: boolean }).speaking)).toBe(false);
    // Spoken on the device: reading aloud asked nothing of any server.
    expect(requests.slice(before)).toEqual([]);

    // The page's language changes what is shown and what would be read.
    await page.getByLabel('Language').selectOption('de');
    await eventually(
      async () => (await shownText(ana)) === PLAIN_DECLARATIONS.de,
      'the German plain version',
    );
    await button(page, 'Vorlesen').click();
    expect(
      await page.evaluate(() => (window as unknown as { spoken: { lang: string }[] }).spoken.at(-1)?.lang),
    ).toBe('de');
    await context.close();
  });

  it('without speech synthesis there is no Read aloud button; the lobby speaks plain words too', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    await context.addInitScript(() =>
      Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined }),
    );
    const page = await context.newPage();
    await page.goto(memberLink);
    await page.locator('#join-declaration').waitFor();
    expect(await button(page, 'Read aloud').count()).toBe(0);

    await page.getByLabel('Show in plain words').check();
    await page.getByLabel('Your name').fill('Ben');
    await page.getByLabel('I promise this').check();
    await button(page, 'Join').click();
    // The group has a lobby (on by default): Ben waits, and the words stay plain there.
    await page.getByText('Please wait here.').waitFor();
    await page.getByText('Keep this page open.').waitFor();
    expect(await page.getByLabel('Show in plain words').isChecked()).toBe(true);
    await page.getByLabel('Show in plain words').uncheck();
    await page.getByText('Waiting for a facilitator to let you in').waitFor();
    await context.close();
  });
});
