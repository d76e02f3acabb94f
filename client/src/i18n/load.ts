import type { Locale } from './locales';

export type Messages = Record<string, string>;

// One file per area of the client and language (`messages/<locale>/<area>.json`), bundled into one
// chunk per language (see vite.config.ts), fetched only when that language is chosen.
const files = import.meta.glob<Messages>(['./messages/*/*.json', '!./messages/en/*.json'], {
  import: 'default',
});

export async function loadMessages(locale: Locale): Promise<Messages> {
  // English lives in the code as each message's default; its catalog is only for translators.
  if (locale === 'en') return {};
  const prefix = `./messages/${locale}/`;
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts) as Messages;
}
