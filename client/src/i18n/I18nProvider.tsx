import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, isLocale, pickLocale } from './locales';
import type { Locale } from './locales';
import { loadMessages } from './load';
import { read, write } from '../storage';
import type { Messages } from './load';

const LANGUAGE_KEY = 'circle.language';
const PLAIN_KEY = 'circle.plainWords';

/** `?lang=` (a shared link, the pseudo-locales), then the browser's remembered choice, then its languages. */
export function initialLocale(): Locale {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(asked)) {
    write(LANGUAGE_KEY, asked);
    return asked;
  }
  const kept = read(LANGUAGE_KEY);
  if (isLocale(kept)) return kept;
  return pickLocale(navigator.languages ?? [navigator.language]);
}

interface Language {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Short sentences and common words where we wrote them (the declaration, joining, waiting). */
  plain: boolean;
  setPlain: (plain: boolean) => void;
}

const LanguageContext = createContext<Language | null>(null);

export function useLanguage(): Language {
  const language = useContext(LanguageContext);
  if (!language) throw new Error('useLanguage outside I18nProvider');
  return language;
}

/**
 * The one place the client's words come from. English is written in the code (each message's
 * `defaultMessage`); any other language is fetched only when chosen, and the page keeps the words it
 * has until the new ones arrive, so switching never blanks the room or touches its connection.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(null);
  const [plain, setPlainState] = useState(() => read(PLAIN_KEY) === 'yes');

  useEffect(() => {
    let live = true;
    loadMessages(locale).then(
      (messages) => live && setLoaded({ locale, messages }),
      () => live && setLoaded({ locale: 'en', messages: {} }),
    );
    return () => {
      live = false;
    };
  }, [locale]);

  useEffect(() => {
    if (!loaded) return;
    document.documentElement.lang = loaded.locale;
    document.documentElement.dir = directionOf(loaded.locale);
  }, [loaded]);

  const setLocale = useCallback((next: Locale) => {
    write(LANGUAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const setPlain = useCallback((next: boolean) => {
    write(PLAIN_KEY, next ? 'yes' : null);
    setPlainState(next);
  }, []);
  const language = useMemo(
    () => ({ locale, setLocale, plain, setPlain }),
    [locale, setLocale, plain, setPlain],
  );

  if (!loaded) return null;
  return (
    <LanguageContext.Provider value={language}>
      <IntlProvider
        locale={loaded.locale}
        messages={loaded.messages}
        defaultLocale="en"
        onError={(err) => {
          // A message missing from a catalog falls back to English; `npm run i18n:check` catches it.
          if (err.code !== 'MISSING_TRANSLATION' && import.meta.env.DEV) console.warn(err.message);
        }}
      >
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}
