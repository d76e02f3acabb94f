/**
 * The languages Circle speaks. Adding one is a translation, not a code change: copy `messages/en/` to
 * `messages/<code>/`, translate the files, add the code and its own name below, run `npm run i18n:check`.
 */
export const SHIPPED = ['en', 'ru', 'uk', 'es', 'fr', 'de'] as const;
/** Made from English by `npm run i18n:extract`: accented and 35 % longer, and the same mirrored right-to-left. */
export const PSEUDO = ['en-XA', 'ar-XB'] as const;
export type Locale = (typeof SHIPPED)[number] | (typeof PSEUDO)[number];

/** Each language named in itself, as people look for it in a list (never translated). */
export const LANGUAGE_NAMES: Record<(typeof SHIPPED)[number], string> = {
  en: 'English', // i18n-exempt: a language's own name
  ru: 'Русский', // i18n-exempt: a language's own name
  uk: 'Українська', // i18n-exempt: a language's own name
  es: 'Español', // i18n-exempt: a language's own name
  fr: 'Français', // i18n-exempt: a language's own name
  de: 'Deutsch', // i18n-exempt: a language's own name
};

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

export function isLocale(value: string | null | undefined): value is Locale {
  return !!value && ([...SHIPPED, ...PSEUDO] as readonly string[]).includes(value);
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * The first of the browser's languages Circle ships (by exact tag, then by its language alone:
 * `ru-RU` → `ru`), or English.
 */
export function pickLocale(wanted: readonly string[]): Locale {
  for (const tag of wanted) {
    if (isLocale(tag)) return tag;
    const base = tag.split('-')[0]!.toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}
