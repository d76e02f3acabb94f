import { GROUP_LANGUAGES, isGroupLanguage } from '@circle/shared';
import type { GroupLanguage } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { LANGUAGE_NAMES } from '../i18n/locales';

const m = defineMessages({
  label: { id: 'groups.GroupLanguageSelect.label', defaultMessage: 'The group’s language' },
  hint: {
    id: 'groups.GroupLanguageSelect.hint',
    defaultMessage:
      'The language the group meets in. Everyone still chooses the language of their own screen.',
  },
});

/** The language a group meets in (each named in itself), in the create form and the group settings. */
export function GroupLanguageSelect(props: {
  id: string;
  value: GroupLanguage;
  onChange: (language: GroupLanguage) => void;
}) {
  const intl = useIntl();
  const { id, value, onChange } = props;
  return (
    <>
      <label htmlFor={id}>{intl.formatMessage(m.label)}</label>
      <p className="hint" id={`${id}-hint`}>
        {intl.formatMessage(m.hint)}
      </p>
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => isGroupLanguage(e.target.value) && onChange(e.target.value)}
      >
        {GROUP_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </>
  );
}
