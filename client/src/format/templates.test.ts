import { readFileSync } from 'node:fs';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { MeetingFormatSchema } from '@circle/shared';
import { TEMPLATE_IDS, templateParts } from './templates';

const catalog = (locale: string): Record<string, string> =>
  JSON.parse(
    readFileSync(new URL(`../i18n/messages/${locale}/format.json`, import.meta.url), 'utf8'),
  ) as Record<string, string>;

const minutes = (locale: string, id: (typeof TEMPLATE_IDS)[number]) =>
  templateParts(createIntl({ locale, messages: locale === 'en' ? {} : catalog(locale) }), id).reduce(
    (sum, p) => sum + (p.minutes ?? 0),
    0,
  );

describe('format templates', () => {
  for (const locale of ['en', 'ru', 'uk', 'es', 'fr', 'de'])
    it(`each one, in ${locale}, is a format the server accepts`, () => {
      const intl = createIntl({ locale, messages: locale === 'en' ? {} : catalog(locale) });
      for (const id of TEMPLATE_IDS) {
        const parts = templateParts(intl, id);
        expect(MeetingFormatSchema.safeParse({ parts }).success, id).toBe(true);
        // Translated, not left in English (titles are the shortest texts to check).
        if (locale !== 'en')
          expect(
            parts.some((p) => /[^\x20-\x7e]/.test(p.title + p.text)),
            id,
          ).toBe(true);
      }
    });

  it('the SMART style meeting keeps a 60-minute agenda in five parts', () => {
    expect(templateParts(createIntl({ locale: 'en', messages: {} }), 'smart')).toHaveLength(5);
    expect(minutes('en', 'smart')).toBe(60);
    expect(minutes('en', 'twelve-step')).toBe(60);
    expect(minutes('en', 'harm-reduction')).toBe(60);
    expect(minutes('en', 'process')).toBe(90);
  });

  it('its go-arounds use the 3-minute preset or a short check-out', () => {
    const limits = TEMPLATE_IDS.flatMap((id) =>
      templateParts(createIntl({ locale: 'en', messages: {} }), id)
        .filter((p) => p.kind === 'go-around')
        .map((p) => p.turnLimitSec),
    );
    expect(new Set(limits)).toEqual(new Set([180, 60]));
  });
});
