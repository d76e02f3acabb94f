import { describe, expect, it } from 'vitest';
import { directionOf, pickLocale } from './locales';

describe('pickLocale', () => {
  it.each([
    [['ru-RU', 'en'], 'ru'],
    [['uk'], 'uk'],
    [['pl-PL', 'de-AT', 'en'], 'de'],
    [['pt-BR'], 'en'],
    [[], 'en'],
    [['en-XA'], 'en-XA'],
  ])('%j → %s', (wanted, locale) => expect(pickLocale(wanted)).toBe(locale));
});

describe('directionOf', () => {
  it.each([
    ['ar-XB', 'rtl'],
    ['fa', 'rtl'],
    ['ru', 'ltr'],
    ['en-XA', 'ltr'],
  ])('%s → %s', (locale, dir) => expect(directionOf(locale)).toBe(dir));
});
