import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from 'playwright-core';

/** The client's catalogs, as translators edit them (the build bundles the same files). */
const messagesDir = resolve(import.meta.dirname, '../../client/src/i18n/messages');

export function catalog(locale: string): Record<string, string> {
  const dir = join(messagesDir, locale);
  if (!existsSync(dir)) return {};
  return Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>),
  ) as Record<string, string>;
}

type Values = Record<string, string | number>;

/** Enough of ICU for the labels a test clicks: arguments, `#`, plural and select (tags keep their text). */
function format(elements: MessageFormatElement[], locale: string, values: Values, count?: number): string {
  return elements
    .map((el): string => {
      switch (el.type) {
        case TYPE.literal:
          return el.value;
        case TYPE.pound:
          return String(count ?? '');
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          return String(values[el.value] ?? `{${el.value}}`);
        case TYPE.plural: {
          const n = Number(values[el.value]) - el.offset;
          const option =
            el.options[`=${n}`] ??
            el.options[new Intl.PluralRules(locale, { type: el.pluralType }).select(n)] ??
            el.options.other;
          return option ? format(option.value, locale, values, n) : '';
        }
        case TYPE.select: {
          const option = el.options[String(values[el.value])] ?? el.options.other;
          return option ? format(option.value, locale, values, count) : '';
        }
        case TYPE.tag:
          return format(el.children, locale, values, count);
        default:
          return '';
      }
    })
    .join('');
}

/**
 * The words of one language, looked up by their English text (the tests read like the English ones).
 * What the client cannot yet say in that language is noted in `missing` and the English is used instead,
 * which is what the page then shows: the walk goes on and a test lists everything at once at the end.
 * Where one English text has several translations (the same word in two places), any of them matches.
 */
export function wordsOf(locale: string) {
  const translated = catalog(locale);
  const idsOf = new Map<string, string[]>();
  for (const [id, text] of Object.entries(catalog('en'))) idsOf.set(text, [...(idsOf.get(text) ?? []), id]);
  const missing = new Set<string>();
  // As a page shows it (and an accessible name reads it): one space between words.
  const shown = (message: string, values: Values) =>
    format(parse(message), locale, values).replace(/\s+/g, ' ').trim();
  const say = (text: string, values: Values = {}): string | RegExp => {
    const ids = idsOf.get(text) ?? [];
    if (!ids.length) missing.add(`not in the catalogs (still hard-coded?): "${text}"`);
    const messages = new Set<string>();
    for (const id of ids) {
      if (locale === 'en') messages.add(text);
      else if (translated[id] === undefined) {
        missing.add(`no ${locale} text for ${id}`);
        messages.add(text);
      } else messages.add(translated[id]);
    }
    const words = [...(messages.size ? messages : [text])].map((message) => shown(message, values));
    if (words.length === 1) return words[0]!;
    return new RegExp(`^(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  };
  return { say, missing };
}

/** The runs of two or more words (between arguments) of every message of a language's catalog. */
export function phrasesOf(locale: string): string[] {
  const phrases = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    let run = '';
    const flush = () => {
      const words = run
        .trim()
        .split(/\s+/)
        .filter((w) => /\p{L}/u.test(w));
      if (words.length > 1) phrases.add(run.trim());
      run = '';
    };
    for (const el of elements) {
      if (el.type === TYPE.literal) run += el.value;
      else {
        flush();
        if (el.type === TYPE.plural || el.type === TYPE.select)
          for (const option of Object.values(el.options)) walk(option.value);
        else if (el.type === TYPE.tag) walk(el.children);
      }
    }
    flush();
  };
  for (const message of Object.values(catalog(locale))) walk(parse(message));
  return [...phrases];
}

export const englishPhrases = () => phrasesOf('en');

/**
 * Everything the page says to a person now: its visible text, and the names and descriptions assistive
 * technology reads (aria-label, title, placeholder, alt) of the elements it renders.
 */
export function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const said: string[] = [document.body.innerText];
    for (const el of Array.from(
      document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    )) {
      if (el.getClientRects().length === 0) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) said.push(value);
      }
    }
    return said.join('\n');
  });
}

/** The English phrases of the catalog that the page says (names excluded: they are people's own). */
export async function englishOn(page: Page, names: string[]): Promise<string[]> {
  return phrasesOn(page, names, englishPhrases());
}

/** Which of `phrases` the page says (names excluded). */
export async function phrasesOn(page: Page, names: string[], phrases: string[]): Promise<string[]> {
  let words = await pageWords(page);
  for (const name of names) words = words.split(name).join(' ');
  return phrases.filter((phrase) => words.includes(phrase));
}

/**
 * Words written in Latin letters (three or more) on a page that should be in Cyrillic, but for `allowed`
 * and the parts of an address (`/meetings`).
 */
export async function latinWordsOn(page: Page, allowed: string[]): Promise<string[]> {
  const words =
    (await pageWords(page)).match(/(?<![/.\p{L}])\p{Script=Latin}[\p{Script=Latin}'’]{2,}/gu) ?? [];
  return [...new Set(words)].filter((w) => !allowed.includes(w));
}

/**
 * Text cut off: an element with text whose content is wider (or taller) than its box while it hides the
 * overflow or ends in an ellipsis, or a field too narrow for its placeholder. The screen-reader-only text
 * (clipped on purpose) is left out.
 */
export function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      if (!el.innerText?.trim() || el.closest('.sr-only') || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      const hidesX = /hidden|clip/.test(style.overflowX) || style.textOverflow === 'ellipsis';
      const hidesY = /hidden|clip/.test(style.overflowY);
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      if ((hidesX && wide) || (hidesY && tall && !/auto|scroll/.test(style.overflowY)))
        found.push(`${el.tagName.toLowerCase()}.${el.className}: "${el.innerText.slice(0, 60)}"`);
    }
    // A field's hint (placeholder) cut by the field's own width.
    const pen = document.createElement('canvas').getContext('2d')!;
    for (const input of Array.from(document.body.querySelectorAll<HTMLInputElement>('input[placeholder]'))) {
      if (input.getClientRects().length === 0) continue;
      const style = getComputedStyle(input);
      pen.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (pen.measureText(input.placeholder).width > room + 1)
        found.push(`input#${input.id} placeholder: "${input.placeholder}"`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth)
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    return found;
  });
}

/**
 * Visible text in plain ASCII letters on a pseudo-locale (`en-XA`) page: every word the client says
 * carries accents there, so plain English is a word that did not go through a message. People's names,
 * the group's name, its declaration and the languages' own names are theirs.
 */
export function unaccentedText(page: Page, names: string[]): Promise<string[]> {
  return page.evaluate((ours) => {
    // Dates and times come from the browser's Intl, which has no data for a made-up locale: it speaks
    // English there (months, weekdays, AM/PM). Those words are the browser's, not the client's.
    const intl: string[] = ['AM', 'PM'];
    for (let month = 0; month < 12; month++)
      for (const style of ['long', 'short'] as const)
        intl.push(new Date(2024, month, 1).toLocaleString('en', { month: style }));
    for (let day = 1; day <= 7; day++)
      for (const style of ['long', 'short'] as const)
        intl.push(new Date(2024, 0, day).toLocaleString('en', { weekday: style }));
    const names = [...ours, ...intl.sort((a, b) => b.length - a.length)];
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let text = node.textContent ?? '';
      const parent = node.parentElement;
      // The declaration is the group's (a built-in default comes in the group's language, not the page's).
      if (!parent || parent.closest('.language-picker select, .declaration, script, style')) continue;
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0 && !parent.closest('.sr-only')) continue;
      for (const name of names) text = text.split(name).join(' ');
      // Letters of English in it and not one accented letter: it never went through the catalog.
      if (/[A-Za-z]{2,}/.test(text) && !/[À-ɏḀ-ỿ]/.test(text)) found.add(text.trim().slice(0, 60));
    }
    for (const el of Array.from(
      document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'),
    )) {
      if (el.getClientRects().length === 0) continue;
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        let text = el.getAttribute(attr) ?? '';
        for (const name of names) text = text.split(name).join(' ');
        if (/[A-Za-z]{2,}/.test(text) && !/[À-ɏḀ-ỿ]/.test(text)) found.add(`${attr}="${text.trim()}"`);
      }
    }
    return [...found];
  }, names);
}
