/*
 * The listing's constants, apart from its zod schema: the create form and the join page load them, and a
 * constant taken from a module that builds schemas brings zod into the first page a phone loads.
 */

/** What kind of meeting a listed group is; the public listing and the TSML feed say it. */
export const MEETING_TYPES = ['twelveStep', 'smart', 'harmReduction', 'parents', 'process', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/**
 * A `Listing` (listing.ts), written without the type: importing it here would make an import circle. The
 * compiler still checks it where it is the schema's default (group.ts).
 */
export const DEFAULT_LISTING = {
  type: 'other' as MeetingType,
  expect: '',
  camerasOptional: true,
  contribution: '',
  location: '',
  proofOfAttendance: true,
};
