import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import { formatDate, minutes } from './format';

// Tuesday 10 March 2026, 18:30 UTC: 19:30 in Paris and Berlin, 21:30 in Moscow.
const at = Date.UTC(2026, 2, 10, 18, 30);
const quiet = { onError: () => {} };

describe('meeting times in the reader’s time zone', () => {
  it('names the group’s zone only where its clock differs from the reader’s', () => {
    const paris = createIntl({ locale: 'en-GB', timeZone: 'Europe/Paris', ...quiet });
    expect(formatDate(paris, at, 'Europe/Paris')).toBe('Tuesday 10 March at 19:30');
    // Berlin shows the same time as Paris: nothing to add.
    expect(formatDate(paris, at, 'Europe/Berlin')).toBe('Tuesday 10 March at 19:30');
    const moscow = createIntl({ locale: 'en-GB', timeZone: 'Europe/Moscow', ...quiet });
    expect(formatDate(moscow, at, 'Europe/Paris')).toBe(
      'Tuesday 10 March at 21:30 (Tue 19:30, Europe/Paris time)',
    );
    // Without a schedule's zone, the reader's time alone.
    expect(formatDate(moscow, at, null)).toBe('Tuesday 10 March at 21:30');
  });

  it('counts minutes with the plural forms of the language', () => {
    const ru = createIntl({
      locale: 'ru',
      messages: {
        'meeting.format.minutes':
          '{count, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}',
      },
    });
    expect([1, 2, 5, 21].map((n) => minutes(ru, n * 60_000))).toEqual([
      '1 минута',
      '2 минуты',
      '5 минут',
      '21 минута',
    ]);
  });
});
