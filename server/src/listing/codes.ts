import type { GroupLanguage, MeetingType } from '@circle/shared';

/**
 * The Meeting Guide / TSML type codes this feed uses, all in one place. The spec publishes its full list
 * as the npm package `@code4recovery/spec`; we use only these few and keep them here rather than add a
 * dependency for a handful of strings. Check them against that list when it changes.
 */
export const TSML_TYPES = {
  open: 'O',
  closed: 'C',
  online: 'ONL',
  secular: 'A',
  proofOfAttendance: 'POA',
} as const;

/** The spec's language codes for the languages a group can meet in. */
export const TSML_LANGUAGE: Record<GroupLanguage, string> = {
  en: 'EN',
  ru: 'RUS',
  uk: 'UK',
  es: 'ES',
  fr: 'FR',
  de: 'DE',
};

/** Every code the feed may hold (the validator in the tests refuses any other). */
export const KNOWN_TSML_CODES: ReadonlySet<string> = new Set([
  ...Object.values(TSML_TYPES),
  ...Object.values(TSML_LANGUAGE),
]);

/** How each meeting type reads in the feed's notes (TSML has no code for most of them). */
export const MEETING_TYPE_NOTES: Record<MeetingType, string> = {
  twelveStep: '12-step meeting',
  smart: 'SMART Recovery meeting',
  harmReduction: 'Harm reduction group',
  parents: 'Parents’ group',
  process: 'Interpersonal process group',
  other: 'Mutual-aid group',
};

/** Contribution hosts the spec has fields for; any other link goes into the notes. */
export const CONTRIBUTION_FIELDS: readonly { field: 'paypal' | 'venmo' | 'square'; host: RegExp }[] = [
  { field: 'paypal', host: /^(www\.)?paypal\.(com|me)$/i },
  { field: 'venmo', host: /^(www\.|account\.)?venmo\.com$/i },
  { field: 'square', host: /^(cash\.app|square\.link|checkout\.square\.site)$/i },
];
