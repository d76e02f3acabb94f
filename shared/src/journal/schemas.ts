import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { empty, id, token } from '../schemaParts.js';

/**
 * My journal: what a member took from a meeting and the goal they set, kept per personal identity and
 * private like a private balance. Facilitators read only the entries their author chose to share.
 */

/** Goals a member can pick with one tap; the client words them (they are UI messages, translated). */
export const JOURNAL_GOAL_PICKS = ['meetingThisWeek', 'callSomeone', 'readSomething', 'restWell'] as const;
export type JournalGoalPick = (typeof JOURNAL_GOAL_PICKS)[number];

/** A newcomer's "How was it?" at the end of their first meeting: three faces. */
export const JOURNAL_MOODS = ['good', 'mixed', 'hard'] as const;
export type JournalMood = (typeof JOURNAL_MOODS)[number];

export const JOURNAL_KINDS = ['meeting', 'firstMeeting'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

const text = z.string().trim().max(LIMITS.journalTextMax);

export const journalEntryInput = z
  .object({
    kind: z.enum(JOURNAL_KINDS),
    took: text,
    goal: text,
    picks: z.array(z.enum(JOURNAL_GOAL_PICKS)).max(JOURNAL_GOAL_PICKS.length),
    mood: z.enum(JOURNAL_MOODS).nullable(),
    shared: z.boolean(),
  })
  .strict()
  // An entry says something: words, a pick or a face.
  .refine((e) => e.took !== '' || e.goal !== '' || e.picks.length > 0 || e.mood !== null);
export type JournalEntryInput = z.infer<typeof journalEntryInput>;

/**
 * The closing screen's entry, over HTTP (the meeting has ended, so the room's connection is gone): the
 * member link rides in the Authorization header, the identity token and the words in the body.
 */
export const journalPostSchema = z
  .object({
    identity: token,
    name: z.string().trim().min(1).max(LIMITS.nameMax),
    meetingId: id.nullable(),
    entry: journalEntryInput,
  })
  .strict();
export type JournalPost = z.input<typeof journalPostSchema>;

export interface JournalEntry extends JournalEntryInput {
  id: string;
  at: number;
  /** The meeting it was written in (or just after); null when written between meetings. */
  meetingId: string | null;
}

/** What a facilitator reads: a shared entry and the name its author had when writing it. */
export interface SharedJournalEntry extends JournalEntry {
  pid: string;
  name: string;
}

export const journalEventSchemas = {
  'journal:write': journalEntryInput,
  'journal:mine': empty,
  'journal:share': z.object({ id, on: z.boolean() }).strict(),
  'journal:delete': z.object({ id }).strict(),
  'journal:shared': empty,
} as const;

export interface JournalEventResults {
  'journal:write': JournalEntry;
  /** Newest first. */
  'journal:mine': { entries: JournalEntry[] };
  'journal:share': null;
  'journal:delete': null;
  /** Newest first, every member's shared entries. */
  'journal:shared': { entries: SharedJournalEntry[] };
}
