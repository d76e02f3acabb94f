import type { GroupLanguage } from '../languages.js';
import { z } from 'zod';
import { MeetingSettingsSchema } from '../group.js';
import type { GroupSettings } from '../group.js';
import { LIMITS } from '../protocol.js';
import { empty } from '../schemaParts.js';
import type { MeetingClock } from './clock.js';

/** Opening, pausing, locking and closing the meeting; the group's settings; deleting the group's data. */
export const meetingEventSchemas = {
  'meeting:open': empty,
  'meeting:close': empty,
  'meeting:pause': z.object({ on: z.boolean() }).strict(),
  'meeting:lock': z.object({ on: z.boolean() }).strict(),
  /** Changes only the settings it names; an empty patch just reads them. */
  'meeting:settings': MeetingSettingsSchema.partial().strict(),
  'meeting:deleteGroup': z.object({ confirm: z.literal(true) }).strict(),
} as const;

export type MeetingSettings = Pick<GroupSettings, keyof z.output<typeof MeetingSettingsSchema>>;

export interface MeetingEventResults {
  'meeting:open': null;
  'meeting:close': null;
  'meeting:pause': null;
  'meeting:lock': null;
  'meeting:settings': MeetingSettings;
  'meeting:deleteGroup': null;
}

/** The meeting as everyone in the room sees it (part of every room snapshot). */
export interface MeetingView {
  /** Gathering until a facilitator opens the meeting. A closed meeting is over: its room is emptied. */
  phase: 'gathering' | 'open';
  clock: MeetingClock;
  durationMs: number;
  paused: boolean;
  /** Nobody new enters; knockers wait in the lobby. */
  locked: boolean;
  chatEnabled: boolean;
  openingWords: string;
  supportContacts: string;
  /** The group's language: its own texts above are in it (`lang` on them, so they are read aloud right). */
  language: GroupLanguage;
}

/** Sent to everyone when the meeting ends for good. */
export interface MeetingClosed {
  meetingId: string;
  reason: 'closed' | 'deleted';
  closingWords: string;
  nextMeetingAt: number | null;
  /** The group's time zone (of its schedule), so a reader elsewhere sees it named beside the time. */
  timeZone?: string | null;
  /** A group re-formed for a number of sessions has just had its last one. */
  lastSession: boolean;
}

export interface MeetingServerEvents {
  'meeting:closed': (closed: MeetingClosed) => void;
}

/** Body of the absence notice a member sends from their link before a meeting (HTTP, not Socket.IO). */
export const AbsenceNoticeSchema = z
  .object({
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    note: z.string().trim().max(LIMITS.noteMax).default(''),
  })
  .strict();

/** One attendance summary per past meeting, for the facilitators' export list. */
export interface MeetingSummary {
  meetingId: string;
  startedAt: number;
  openedAt: number | null;
  closedAt: number;
}
