import { describe, expect, it } from 'vitest';
import { DEFAULT_DECLARATION } from '@circle/shared';
import { createIntl } from 'react-intl';
import { invalidFields, turnLimitFrom } from './createForm';

const valid = {
  name: 'Tuesday circle',
  capacity: 12,
  meetingMinutes: 60,
  declaration: DEFAULT_DECLARATION,
  turnLimitSec: null,
};

const intl = createIntl({ locale: 'en' });
const ru = createIntl({
  locale: 'ru',
  messages: {
    'groups.createForm.turnLimit':
      'Лимит реплики: от {minSeconds, plural, one {# секунды} few {# секунд} many {# секунд} other {# секунды}} до {maxMinutes, plural, one {# минуты} few {# минут} many {# минут} other {# минуты}}.',
  },
});

describe('the create form checks', () => {
  it('reads a turn limit from minutes and seconds', () => {
    expect(turnLimitFrom('', '')).toBeNull();
    expect(turnLimitFrom('1', '30')).toBe(90);
    expect(turnLimitFrom('', '45')).toBe(45);
    expect(turnLimitFrom('2', '')).toBe(120);
    expect(turnLimitFrom('1.5', '')).toBeUndefined();
    expect(turnLimitFrom('', '-3')).toBeUndefined();
  });

  it('names each wrong field, and nothing when all is right', () => {
    expect(invalidFields(intl, valid, false)).toEqual({});
    const errors = invalidFields(intl, { ...valid, name: '  ', capacity: 0, turnLimitSec: 5 }, false);
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'name', 'turnLimit']);
    expect(errors.turnLimit).toContain('10 seconds to 60 minutes');
    expect(invalidFields(intl, valid, true)).toHaveProperty('turnLimit');
    // A group that leaves the declaration out gets the default one in its language.
    expect(invalidFields(intl, { ...valid, declaration: undefined }, false)).toEqual({});
    expect(invalidFields(intl, { ...valid, declaration: 'short' }, false)).toHaveProperty('declaration');
  });

  it('says the bounds with the plural forms of the language', () => {
    expect(invalidFields(ru, { ...valid, turnLimitSec: 5 }, false).turnLimit).toBe(
      'Лимит реплики: от 10 секунд до 60 минут.',
    );
  });
});
