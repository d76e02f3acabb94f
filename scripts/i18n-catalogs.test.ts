/**
 * `npm run i18n:check`: every shipped language has every message, with the same ICU arguments as
 * English and every plural form its language needs (Russian and Ukrainian: one, few, many); and the
 * English and pseudo catalogs match the code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { messagesDir, staleFiles } from './i18n-extract';
import { SHIPPED } from '../client/src/i18n/locales';

const read = (locale: string, file: string) =>
  JSON.parse(readFileSync(join(messagesDir, locale, file), 'utf8')) as Record<string, string>;

/** `name:type` of every argument, sorted, and the plural arguments' categories. */
function shape(message: string) {
  const args = new Set<string>();
  const plurals: Array<{ name: string; options: string[] }> = [];
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if (el.type === TYPE.tag) {
        args.add(`${el.value}:tag`);
        walk(el.children);
        continue;
      }
      args.add(`${el.value}:${TYPE[el.type]}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        if (el.type === TYPE.plural) plurals.push({ name: el.value, options: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return { args: [...args].sort(), plurals };
}

const englishFiles = existsSync(join(messagesDir, 'en')) ? readdirSync(join(messagesDir, 'en')) : [];

describe('message catalogs', () => {
  // Runs the FormatJS extractor once per area of the client: seconds, more on a busy machine.
  it('English and the pseudo-locales match the code (npm run i18n:extract)', { timeout: 60_000 }, () => {
    expect(staleFiles()).toEqual([]);
  });

  for (const locale of SHIPPED.filter((l) => l !== 'en')) {
    it(`${locale} has every message, with English's arguments and its own plural forms`, () => {
      const problems: string[] = [];
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const file of englishFiles) {
        const english = read('en', file);
        const translated = existsSync(join(messagesDir, locale, file)) ? read(locale, file) : {};
        for (const id of Object.keys(translated))
          if (!(id in english)) problems.push(`${file} ${id}: not in English (remove it)`);
        for (const [id, source] of Object.entries(english)) {
          const message = translated[id];
          if (message === undefined) {
            problems.push(`${file} ${id}: missing`);
            continue;
          }
          let theirs;
          try {
            theirs = shape(message);
          } catch (err) {
            problems.push(`${file} ${id}: not valid ICU (${(err as Error).message})`);
            continue;
          }
          const ours = shape(source);
          if (theirs.args.join() !== ours.args.join())
            problems.push(`${file} ${id}: arguments ${theirs.args.join()} instead of ${ours.args.join()}`);
          for (const plural of theirs.plurals) {
            const lacking = needed.filter((c) => !plural.options.includes(c));
            if (lacking.length)
              problems.push(`${file} ${id}: plural {${plural.name}} lacks ${lacking.join(', ')}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
