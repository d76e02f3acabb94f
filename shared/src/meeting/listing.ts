import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { MEETING_TYPES } from './listingDefaults.js';

// Where the create form and the join page take them from: a module without zod (see listingDefaults.ts).
export { DEFAULT_LISTING, MEETING_TYPES, type MeetingType } from './listingDefaults.js';

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
