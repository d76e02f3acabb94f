import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DECLARATIONS,
  PLAIN_DECLARATIONS,
  declarationToShow,
  defaultDeclarationLanguage,
} from './declaration.js';
import { GroupSettingsSchema } from './group.js';
import { GROUP_LANGUAGES, groupLanguageOf } from './languages.js';

describe('the default declaration in each group language', () => {
  it.each(GROUP_LANGUAGES)('%s: a new group without its own text gets it', (language) => {
    const settings = GroupSettingsSchema.parse({ name: 'Tuesday', language });
    expect(settings.declaration).toBe(DEFAULT_DECLARATIONS[language]);
    expect(defaultDeclarationLanguage(settings.declaration)).toBe(language);
  });

  it.each(GROUP_LANGUAGES)('%s: each version is its own text, the plain one in short lines', (language) => {
    const others = GROUP_LANGUAGES.filter((l) => l !== language);
    for (const other of others) {
      expect(DEFAULT_DECLARATIONS[language]).not.toBe(DEFAULT_DECLARATIONS[other]);
      expect(PLAIN_DECLARATIONS[language]).not.toBe(PLAIN_DECLARATIONS[other]);
    }
    const lines = PLAIN_DECLARATIONS[language].split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line.split(/\s+/).length).toBeLessThanOrEqual(9);
  });

  it.each(GROUP_LANGUAGES)(
    '%s reader: any default is shown in their language, plain when asked',
    (reader) => {
      for (const stored of GROUP_LANGUAGES) {
        expect(declarationToShow(DEFAULT_DECLARATIONS[stored], reader, false)).toEqual({
          text: DEFAULT_DECLARATIONS[reader],
          language: reader,
          isDefault: true,
        });
        expect(declarationToShow(DEFAULT_DECLARATIONS[stored], reader, true).text).toBe(
          PLAIN_DECLARATIONS[reader],
        );
      }
    },
  );

  it("a group's own declaration is shown as written, plain words or not", () => {
    const own = 'Lo que se dice en el círculo se queda en el círculo, siempre.';
    const settings = GroupSettingsSchema.parse({ name: 'Martes', language: 'es', declaration: own });
    expect(settings.declaration).toBe(own);
    for (const plain of [false, true])
      expect(declarationToShow(own, 'ru', plain)).toEqual({ text: own, language: null, isDefault: false });
  });

  it('a UI locale picks the closest group language', () => {
    expect(groupLanguageOf('ru')).toBe('ru');
    expect(groupLanguageOf('de-AT')).toBe('de');
    expect(groupLanguageOf('en-XA')).toBe('en');
    expect(groupLanguageOf('ar-XB')).toBe('en');
  });

  it('refuses a language Circle does not speak', () => {
    expect(GroupSettingsSchema.safeParse({ name: 'Wtorek', language: 'pl' }).success).toBe(false);
  });
});
