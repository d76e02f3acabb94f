import { describe, expect, it } from 'vitest';
import { DEFAULT_DECLARATION } from '@circle/shared';
import { invalidFields, turnLimitFrom } from './createForm';

const valid = {
  name: 'Tuesday circle',
  capacity: 12,
  meetingMinutes: 60,
  declaration: DEFAULT_DECLARATION,
  turnLimitSec: null,
};

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
    expect(invalidFields(valid, false)).toEqual({});
    const errors = invalidFields({ ...valid, name: '  ', capacity: 0, turnLimitSec: 5 }, false);
    expect(Object.keys(errors).sort()).toEqual(['capacity', 'name', 'turnLimit']);
    expect(errors.turnLimit).toContain('10 seconds to 60 minutes');
    expect(invalidFields(valid, true)).toHaveProperty('turnLimit');
  });
});
