/**
 * Pseudo-locales made from English, to find what a translation would break before a translator does:
 * `en-XA` accents every letter and makes each message about 35 % longer (clipped or untranslated text
 * shows at once); `ar-XB` is the same text mirrored right-to-left, to prove the layout flips.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!,
  ]),
);

function accent(text: string): string {
  const accented = [...text].map((c) => ACCENTED[c] ?? c).join('');
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  // Longer by about 35 % of its letters, as German or Russian often are.
  return letters ? accented + ' ' + '·'.repeat(Math.ceil(letters * 0.35)) : accented;
}

const mirror = (text: string) => (text.trim() ? `\u202e${text}\u202c` : text);

function walk(elements: MessageFormatElement[], change: (text: string) => string): void {
  for (const el of elements) {
    if (el.type === TYPE.literal) el.value = change(el.value);
    else if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) walk(option.value, change);
    else if (el.type === TYPE.tag) walk(el.children, change);
  }
}

export type PseudoLocale = 'en-XA' | 'ar-XB';

export function pseudoMessage(message: string, locale: PseudoLocale): string {
  const ast = parse(message, { ignoreTag: false });
  walk(ast, locale === 'en-XA' ? accent : mirror);
  const printed = printAST(ast);
  return locale === 'en-XA' ? `[${printed}]` : printed;
}
