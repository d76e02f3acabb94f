import { LIMITS } from '@circle/shared';
import type { GroupSettingsInput } from '@circle/shared';

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

const duration = (sec: number) => (sec % 60 === 0 ? `${sec / 60} minutes` : `${sec} seconds`);

export function invalidFields(input: GroupSettingsInput, turnLimitUnreadable: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (name.length < 1 || name.length > LIMITS.groupNameMax)
    errors.name = `Give the group a name (up to ${LIMITS.groupNameMax} characters).`;
  if (!isInt(input.capacity, LIMITS.capacityMin, LIMITS.capacityMax))
    errors.capacity = `Capacity is a whole number from ${LIMITS.capacityMin} to ${LIMITS.capacityMax}.`;
  if (!isInt(input.meetingMinutes, LIMITS.meetingMinutesMin, LIMITS.meetingMinutesMax))
    errors.minutes = `Meeting length is from ${LIMITS.meetingMinutesMin} to ${LIMITS.meetingMinutesMax} minutes.`;
  const declaration = input.declaration?.trim() ?? '';
  if (declaration.length < 20 || declaration.length > LIMITS.declarationMax)
    errors.declaration = 'The declaration needs at least 20 characters.';
  if (
    turnLimitUnreadable ||
    (input.turnLimitSec != null && !isInt(input.turnLimitSec, LIMITS.turnLimitSecMin, LIMITS.turnLimitSecMax))
  ) {
    errors.turnLimit = `A turn limit is from ${LIMITS.turnLimitSecMin} seconds to ${duration(LIMITS.turnLimitSecMax)}, or empty for none.`;
  }
  return errors;
}
