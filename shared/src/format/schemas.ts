import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { empty, id } from '../schemaParts.js';
import type { MeetingClock } from '../meeting/clock.js';

/**
 * What happens during one part of a meeting: a text read aloud, a go-around (each in seat order, with its
 * own per-turn limit), open sharing by raised hands, announcements, or a moment of silence.
 */
export const FORMAT_PART_KINDS = [
  'reading',
  'go-around',
  'open-sharing',
  'announcements',
  'silence',
] as const;
export type FormatPartKind = (typeof FORMAT_PART_KINDS)[number];

/** The meeting roles a facilitator hands to members for one meeting. */
export const MEETING_ROLES = ['reader', 'timekeeper'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** The per-turn limits a go-around part offers first, in seconds (3 and 5 minutes). */
export const TURN_LIMIT_PRESETS_SEC = [180, 300] as const;

export const FORMAT_LIMITS = {
  partsMax: 30,
  titleMax: 80,
  textMax: 4_000,
  /** A part's own length, in minutes. */
  minutesMax: 240,
  /**
   * The whole format travels in one command, whose frame Socket.IO caps (LIMITS.maxPayloadBytes): its
   * JSON, counted in UTF-8 bytes, stays under this (about 14,000 Latin or 7,000 Cyrillic characters).
   */
  bytesMax: 14_000,
} as const;

/** UTF-8 length without TextEncoder (shared is typechecked without the DOM's or Node's types). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

export const FormatPartSchema = z
  .object({
    title: z.string().trim().min(1).max(FORMAT_LIMITS.titleMax),
    /** What is read aloud (a preamble, a reading, the anonymity statement); '' for none. */
    text: z.string().trim().max(FORMAT_LIMITS.textMax),
    kind: z.enum(FORMAT_PART_KINDS),
    /** The part's own length: it then shows its own clock. */
    minutes: z.number().int().min(1).max(FORMAT_LIMITS.minutesMax).nullable(),
    /** A go-around's per-turn limit (null: none); ignored by other kinds. */
    turnLimitSec: z.number().int().min(LIMITS.turnLimitSecMin).max(LIMITS.turnLimitSecMax).nullable(),
  })
  .strict();
export type FormatPart = z.output<typeof FormatPartSchema>;

export const MeetingFormatSchema = z
  .object({ parts: z.array(FormatPartSchema).max(FORMAT_LIMITS.partsMax) })
  .strict()
  .refine((f) => utf8Bytes(JSON.stringify(f)) <= FORMAT_LIMITS.bytesMax, { message: 'format too large' });
export type MeetingFormat = z.output<typeof MeetingFormatSchema>;

/** The part shown now: a copy taken when it was reached, so editing the format meanwhile changes nothing here. */
export interface CurrentPart {
  index: number;
  /** How many parts the format had when this one was reached. */
  total: number;
  part: FormatPart;
  /** The part's own clock (its length is `part.minutes`); it stands still while the meeting is paused. */
  clock: MeetingClock | null;
}

/** The format as the meeting runs it, and who holds a meeting role. Part of the room record and view. */
export interface FormatState {
  current: CurrentPart | null;
  reader: string | null;
  timekeeper: string | null;
}

/** A facilitator stepping through the format: `expectIndex` is the part they saw (null: none yet). */
export const FormatStepSchema = z
  .object({
    move: z.enum(['next', 'previous', 'stop']),
    expectIndex: z.number().int().min(0).max(FORMAT_LIMITS.partsMax).nullable(),
  })
  .strict();
export type FormatStep = z.output<typeof FormatStepSchema>;

export const formatEventSchemas = {
  'format:get': empty,
  'format:save': MeetingFormatSchema,
  'format:step': FormatStepSchema,
  /** Hands a role to a seated person for this meeting, or takes it back (`pid: null`). */
  'format:role': z.object({ role: z.enum(MEETING_ROLES), pid: id.nullable() }).strict(),
  /** The timekeeper's gentle "time" to whoever holds the word, named so a signal meant for another is refused. */
  'format:signal': z.object({ expectHolder: id }).strict(),
} as const;

export interface FormatEventResults {
  'format:get': MeetingFormat;
  'format:save': null;
  'format:step': null;
  'format:role': null;
  'format:signal': null;
}

export interface FormatServerEvents {
  /** To the holder of the word alone: the timekeeper (or a facilitator) gently says their time is up. */
  'format:timeSignal': (signal: { at: number }) => void;
  /** To the facilitators: the group's format was saved (by any of them); read it again with `format:get`. */
  'format:saved': (saved: { at: number }) => void;
}
