import { LIMITS } from '@circle/shared';
import type { GroupSettingsInput } from '@circle/shared';
import { defineMessages } from 'react-intl';
import type { IntlShape } from 'react-intl';

const m = defineMessages({
  name: {
    id: 'groups.createForm.name',
    defaultMessage: 'Give the group a name (up to {max} characters).',
  },
  capacity: {
    id: 'groups.createForm.capacity',
    defaultMessage: 'Capacity is a whole number from {min} to {max}.',
    description: 'Capacity: how many people the group can seat',
  },
  minutes: {
    id: 'groups.createForm.minutes',
    defaultMessage: 'Meeting length is from {min} to {max} minutes.',
  },
  declaration: {
    id: 'groups.createForm.declaration',
    defaultMessage: 'The declaration needs at least {min} characters.',
    description: 'The confidentiality declaration every member accepts before entering',
  },
  turnLimit: {
    id: 'groups.createForm.turnLimit',
    defaultMessage:
      'A turn limit is from {minSeconds, plural, one {# second} other {# seconds}} to {maxMinutes, plural, one {# minute} other {# minutes}}, or empty for none.',
    description: 'A turn: the time one person speaks',
  },
});

/**
 * The create form's checks, by hand with the same bounds as GroupSettingsSchema: parsing with zod in the
 * browser would probe `new Function`, which the strict CSP reports as a violation. The server validates
 * authoritatively; this only says, next to each field, what to fix.
 */
export type Field = 'name' | 'capacity' | 'minutes' | 'turnLimit' | 'declaration';
export type FieldErrors = Partial<Record<Field, string>>;

const isInt = (n: unknown, min: number, max: number) =>
  Number.isInteger(n) && Number(n) >= min && Number(n) <= max;

/** Seconds from the two boxes: null for no limit, undefined when what was typed is not a duration. */
export function turnLimitFrom(minutes: string, seconds: string): number | null | undefined {
  const m = minutes.trim();
  const s = seconds.trim();
  if (m === '' && s === '') return null;
  if ((m !== '' && !/^\d+$/.test(m)) || (s !== '' && !/^\d+$/.test(s))) return undefined;
  return Number(m || 0) * 60 + Number(s || 0);
}

/** Each wrong field's message, in the person's language. */
export function invalidFields(
  intl: IntlShape,
  input: GroupSettingsInput,
  turnLimitUnreadable: boolean,
): FieldErrors {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (name.length < 1 || name.length > LIMITS.groupNameMax)
    errors.name = intl.formatMessage(m.name, { max: LIMITS.groupNameMax });
  if (!isInt(input.capacity, LIMITS.capacityMin, LIMITS.capacityMax))
    errors.capacity = intl.formatMessage(m.capacity, { min: LIMITS.capacityMin, max: LIMITS.capacityMax });
  if (!isInt(input.meetingMinutes, LIMITS.meetingMinutesMin, LIMITS.meetingMinutesMax))
    errors.minutes = intl.formatMessage(m.minutes, {
      min: LIMITS.meetingMinutesMin,
      max: LIMITS.meetingMinutesMax,
    });
  // Left out: the server gives the group the default declaration in its language.
  const declaration = input.declaration?.trim();
  if (declaration !== undefined && (declaration.length < 20 || declaration.length > LIMITS.declarationMax))
    errors.declaration = intl.formatMessage(m.declaration, { min: 20 });
  if (
    turnLimitUnreadable ||
    (input.turnLimitSec != null && !isInt(input.turnLimitSec, LIMITS.turnLimitSecMin, LIMITS.turnLimitSecMax))
  ) {
    errors.turnLimit = intl.formatMessage(m.turnLimit, {
      minSeconds: LIMITS.turnLimitSecMin,
      maxMinutes: Math.floor(LIMITS.turnLimitSecMax / 60),
    });
  }
  return errors;
}
