import { declarationToShow, groupLanguageOf } from '@circle/shared';
import type { GroupLanguage } from '@circle/shared';
import { useLanguage } from '../i18n/I18nProvider';
import { Lines } from './Lines';
import { ReadAloud } from './ReadAloud';

/**
 * The confidentiality declaration before joining. The default one is the same promise in every language:
 * it is shown in the reader's language, in plain words when they asked for them. A group's own text is its
 * content, shown (and read aloud) as written, in the group's language.
 */
export function Declaration(props: { id: string; stored: string; groupLanguage: GroupLanguage }) {
  const { id, stored, groupLanguage } = props;
  const { locale, plain } = useLanguage();
  const shown = declarationToShow(stored, groupLanguageOf(locale), plain);
  const lang = shown.language ?? groupLanguage;
  return (
    <>
      <blockquote className="declaration" id={id} lang={lang}>
        <Lines text={shown.text} />
      </blockquote>
      <ReadAloud text={shown.text} lang={lang} />
    </>
  );
}
