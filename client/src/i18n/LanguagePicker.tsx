import { createContext, useContext, useEffect, useId } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LANGUAGE_NAMES, SHIPPED, isLocale } from './locales';
import { useLanguage } from './I18nProvider';

const m = defineMessages({
  language: { id: 'i18n.language', defaultMessage: 'Language', description: 'Label of the language picker' },
  plainWords: {
    id: 'i18n.plainWords',
    defaultMessage: 'Show in plain words',
    description: 'Checkbox: use shorter sentences and common words',
  },
});

/**
 * A screen that offers the picker itself (the room, in its More menu, where a line above the page would
 * cost a phone its one screen) tells App to leave out the one above every page while it is shown.
 */
const OwnPicker = createContext<(own: boolean) => void>(() => undefined);
export const OwnPickerProvider = OwnPicker.Provider;
export function useOwnLanguagePicker(): void {
  const setOwn = useContext(OwnPicker);
  useEffect(() => {
    setOwn(true);
    return () => setOwn(false);
  }, [setOwn]);
}

/** On every page: the language, remembered in this browser; changing it re-words the page at once. */
export function LanguagePicker() {
  const intl = useIntl();
  const { locale, setLocale } = useLanguage();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>
        <span aria-hidden="true">🌐 </span>
        {intl.formatMessage(m.language)}
      </label>
      <select id={id} value={locale} onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}>
        {SHIPPED.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
        {!(SHIPPED as readonly string[]).includes(locale) && <option value={locale}>{locale}</option>}
      </select>
    </div>
  );
}

/** Where we wrote a plain version (the declaration, joining, waiting): short sentences, one idea per line. */
export function PlainWordsToggle() {
  const intl = useIntl();
  const { plain, setPlain } = useLanguage();
  return (
    <label className="plain-words">
      <input type="checkbox" checked={plain} onChange={(e) => setPlain(e.target.checked)} />{' '}
      {intl.formatMessage(m.plainWords)}
    </label>
  );
}
