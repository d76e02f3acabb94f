import { defineMessages } from 'react-intl';
import type { IntlShape } from 'react-intl';

const m = defineMessages({
  separator: {
    id: 'i18n.parts.separator',
    defaultMessage: ', ',
    description: 'Between the parts of a label read aloud as one (a seat: its name, then each of its states)',
  },
});

/**
 * The parts of one accessible name ("Ana, has the word, next"): each part a pause for a screen reader.
 * Not `Intl.ListFormat`'s unit style, which in Russian joins with bare spaces ("Аня есть слово далее").
 */
export function labelParts(intl: IntlShape, parts: string[]): string {
  return parts.join(intl.formatMessage(m.separator));
}
