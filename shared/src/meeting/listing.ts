import { z } from 'zod';
import { LIMITS } from '../protocol.js';

/** What kind of meeting a listed group is; the public listing and the TSML feed say it. */
export const MEETING_TYPES = ['twelveStep', 'smart', 'harmReduction', 'parents', 'process', 'other'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** Only an absolute https address may be published as a group's contribution link. */
const httpsUrl = z
  .string()
  .trim()
  .max(LIMITS.listingUrlMax)
  .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?(\/\S*)?$/i);

/**
 * What the facilitators write for the public meeting list. Published only while the group is `listed`
 * (off by default: a clinician-led group is never listed unless its facilitators choose it).
 */
export const ListingSchema = z
  .object({
    type: z.enum(MEETING_TYPES),
    /** "What to expect", in the facilitators' own words; shown as written. */
    expect: z.string().trim().max(LIMITS.listingTextMax),
    camerasOptional: z.boolean(),
    /** The group's own collection address (7th tradition); empty: none. */
    contribution: z.union([z.literal(''), httpsUrl]),
    /** An approximate area ("Lyon area"), never an address; empty: online only. */
    location: z.string().trim().max(LIMITS.listingLocationMax),
    /** Members can get a proof of attendance (TSML `POA`); groups listed before this field say yes. */
    proofOfAttendance: z.boolean().default(true),
  })
  .strict();
export type Listing = z.output<typeof ListingSchema>;

export const DEFAULT_LISTING: Listing = {
  type: 'other',
  expect: '',
  camerasOptional: true,
  contribution: '',
  location: '',
  proofOfAttendance: true,
};
