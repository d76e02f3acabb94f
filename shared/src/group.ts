import { z } from 'zod';
import { isTimeZone } from './meeting/schedule.js';
import { LIMITS } from './protocol.js';
import { DEFAULT_LISTING, ListingSchema } from './meeting/listing.js';

import { DEFAULT_DECLARATIONS } from './declaration.js';
import { E2EE_FALLBACKS } from './e2ee/schemas.js';
import { GROUP_LANGUAGES } from './languages.js';

export * from './declaration.js';
export * from './languages.js';

/** Texts the facilitators set for the meeting's opening and closing, and who to call for support. */
const words = z.string().trim().max(LIMITS.wordsMax);

export const MeetingScheduleSchema = z
  .object({
    weekday: z.number().int().min(0).max(6),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    timeZone: z.string().max(64).refine(isTimeZone),
  })
  .strict();

/** Group settings a facilitator may change from the room (without defaults, so a patch changes only what it names). */
export const MeetingSettingsSchema = z
  .object({
    /** Drop-in (open), a closed group whose leavers are replaced, or one re-formed for a number of sessions. */
    kind: z.enum(['open', 'replacement', 'reformed']),
    /** For a re-formed group: how many sessions it meets. */
    sessions: z.number().int().min(1).max(LIMITS.sessionsMax).nullable(),
    meetingMinutes: z.number().int().min(LIMITS.meetingMinutesMin).max(LIMITS.meetingMinutesMax),
    openingWords: words,
    closingWords: words,
    supportContacts: words,
    schedule: MeetingScheduleSchema.nullable(),
    /** How long attendance is kept after a meeting. */
    retentionDays: z.number().int().min(1).max(LIMITS.retentionDaysMax),
    /** How many observers may follow a meeting at once (they wait in the lobby like members). */
    observerLimit: z.number().int().min(0).max(LIMITS.observerMax),
    /** Members who may join beyond the full seats as listeners (no seat; they may raise a hand); 0: none. */
    listeners: z.number().int().min(0).max(LIMITS.listenersMax),
    /** The language the group meets in; it picks the built-in texts a new group starts with. */
    language: z.enum(GROUP_LANGUAGES),
    /** Members and observers wait until a facilitator admits them (the public list needs it on). */
    lobby: z.boolean(),
    /** Shown on the public meeting list and feed (/meetings); off by default. */
    listed: z.boolean(),
    listing: ListingSchema,
    /** Meetings are end-to-end encrypted (on for new groups; groups from before stay off until turned on). */
    e2ee: z.boolean(),
    /** A browser that cannot encrypt: joins without audio and video, or is refused. */
    e2eeFallback: z.enum(E2EE_FALLBACKS),
  })
  .strict();

const GroupSettingsFields = z.object({
  name: z.string().trim().min(1).max(LIMITS.groupNameMax),
  kind: MeetingSettingsSchema.shape.kind.default('open'),
  sessions: MeetingSettingsSchema.shape.sessions.default(null),
  openingWords: words.default(''),
  closingWords: words.default(''),
  supportContacts: words.default(''),
  schedule: MeetingSettingsSchema.shape.schedule.default(null),
  retentionDays: MeetingSettingsSchema.shape.retentionDays.default(90),
  observerLimit: MeetingSettingsSchema.shape.observerLimit.default(LIMITS.observersDefault),
  capacity: z.number().int().min(LIMITS.capacityMin).max(LIMITS.capacityMax).default(12),
  listeners: MeetingSettingsSchema.shape.listeners.default(0),
  meetingMinutes: MeetingSettingsSchema.shape.meetingMinutes.default(60),
  lobby: z.boolean().default(false),
  language: MeetingSettingsSchema.shape.language.default('en'),
  listed: MeetingSettingsSchema.shape.listed.default(false),
  listing: MeetingSettingsSchema.shape.listing.default(DEFAULT_LISTING),
  e2ee: MeetingSettingsSchema.shape.e2ee.default(true),
  e2eeFallback: MeetingSettingsSchema.shape.e2eeFallback.default('no-media'),
  /** Left out: the default declaration in the group's language. */
  declaration: z.string().trim().min(20).max(LIMITS.declarationMax).optional(),
  turnLimitSec: z
    .number()
    .int()
    .min(LIMITS.turnLimitSecMin)
    .max(LIMITS.turnLimitSecMax)
    .nullable()
    .default(null),
  autoHandover: z.boolean().default(false),
});
/** A group's settings; a group that wrote no declaration gets the default one in its language. */
export const GroupSettingsSchema = GroupSettingsFields.transform(({ declaration, ...settings }) => ({
  ...settings,
  declaration: declaration ?? DEFAULT_DECLARATIONS[settings.language],
}));
export type GroupSettings = z.output<typeof GroupSettingsSchema>;
export type GroupSettingsInput = z.input<typeof GroupSettingsSchema>;

export interface InviteLinks {
  facilitator: string;
  member: string;
  observer: string;
}

export interface CreateGroupResult {
  groupId: string;
  links: InviteLinks;
  /** Groups this size usually split; the create page says so. */
  sizeWarning: boolean;
}

/** What anyone holding a valid invitation may read before joining. */
export interface InviteInfo {
  groupId: string;
  groupName: string;
  role: import('./protocol.js').Role;
  declaration: string;
  declarationVersion: number;
  lobby: boolean;
  /** The group's language: its own declaration is read aloud in it. */
  language: import('./languages.js').GroupLanguage;
  /** Set while the group is on the public meeting list: its "What to expect" page is /meetings/<slug>. */
  listingSlug?: string;
  /** The group's meetings are end-to-end encrypted, and what a browser that cannot encrypt may do. */
  e2ee?: { fallback: import('./e2ee/schemas.js').E2eeFallback };
  /** Opened with the public list's Join link: a newcomer who waits in the lobby (no absence notice). */
  fromList?: true;
  /** Opened with a member's one-time buddy invitation: a newcomer who waits in the lobby with them. */
  buddy?: true;
}
