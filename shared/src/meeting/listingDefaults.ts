/*
 * The listing's constants, apart from its zod schema: the create form and the join page load them, and a
 * constant taken from a module that builds schemas brings zod into the first page a phone loads.
 */

/** What kind of meeting a listed group is; the public listing and the TSML feed say it. */
export const MEETING_TYPES = ['twelveStep', 'smart', 'harmReduction', 'parents', 'process', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** A `Listing` (listing.ts), written without its type: importing it from there would make an import circle. */
export const DEFAULT_LISTING = {
  type: 'other' as MeetingType,
  expect: '',
  camerasOptional: true,
  contribution: '',
  location: '',
  proofOfAttendance: true,
};
