import type { Milestone } from '@circle/shared';
import { defineMessages, type IntlShape } from 'react-intl';

const m = defineMessages({
  milestone: {
    id: 'celebrate.words.milestone',
    defaultMessage:
      '{unit, select, days {{amount, plural, one {# day} other {# days}}} months {{amount, plural, one {# month} other {# months}}} other {{amount, plural, one {# year} other {# years}}}}',
    description: 'A milestone in recovery: "90 days", "1 year"',
  },
});

/** "90 days", "1 year", with each language's own plural forms. */
export const milestoneText = (intl: IntlShape, { amount, unit }: Milestone): string =>
  intl.formatMessage(m.milestone, { amount, unit });
