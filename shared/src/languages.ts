/**
 * The languages a group can meet in: the same six the client ships. A group's language picks the
 * built-in texts it starts with (the default declaration); what its facilitators write is shown as written.
 */
export const GROUP_LANGUAGES = ['en', 'ru', 'uk', 'es', 'fr', 'de'] as const;
export type GroupLanguage = (typeof GROUP_LANGUAGES)[number];

export function isGroupLanguage(value: unknown): value is GroupLanguage {
  return typeof value === 'string' && (GROUP_LANGUAGES as readonly string[]).includes(value);
}

/** The group language closest to a UI locale (`ru-RU` → `ru`; a pseudo-locale or any other → English). */
export function groupLanguageOf(locale: string): GroupLanguage {
  const base = locale.split('-')[0]!.toLowerCase();
  return isGroupLanguage(base) ? base : 'en';
}
