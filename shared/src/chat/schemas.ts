import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import type { SideRoom } from '../moderation/schemas.js';
import { empty, id } from '../schemaParts.js';
import { sealedBytesFor, sealedSchema, wrappedKeySchema, type Sealed, type WrappedKey } from './sealed.js';

export * from './sealed.js';

const text = z.string().trim().min(1).max(LIMITS.chatMax);
const sealed = sealedSchema(sealedBytesFor(LIMITS.chatMax));
/** A sealed private word's key is wrapped for each reader: the thread's member and each facilitator but the writer. */
export const WHISPER_READERS_MAX = 16;

/** Exactly one of the two: the words in clear, or sealed. Which one a group takes is the server's check. */
const oneBody = (p: { text?: unknown; sealed?: unknown }) =>
  (p.text === undefined) !== (p.sealed === undefined);

/**
 * The room's written chat, and the private word between a facilitator and one member. Never stored.
 * In an end-to-end encrypted group the words travel `sealed` instead of as `text` (and only so).
 */
export const chatEventSchemas = {
  'chat:send': z.object({ text: text.optional(), sealed: sealed.optional() }).strict().refine(oneBody),
  'chat:delete': z.object({ id }).strict(),
  'chat:toggle': z.object({ on: z.boolean() }).strict(),
  'chat:history': empty,
  /** From a member: to the facilitators (no `to`). From a facilitator: to the member named by `to`. */
  'chat:whisper': z
    .object({
      to: id.optional(),
      text: text.optional(),
      /** The words, sealed once under a one-time key… */
      sealed: sealed.optional(),
      /** …and that key wrapped for each reader, by pid; each is relayed to that reader only. */
      keys: z
        .record(id, wrappedKeySchema)
        .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= WHISPER_READERS_MAX)
        .optional(),
    })
    .strict()
    .refine((p) => oneBody(p) && (p.sealed === undefined) === (p.keys === undefined)),
} as const;

/** The words of a message: in clear, or sealed (end-to-end encrypted groups). */
export type ChatBody = { text: string; sealed?: undefined } | { sealed: Sealed; text?: undefined };

export type ChatMessage = { id: string; at: number; pid: string; name: string } & ChatBody;

/**
 * A private word: one thread per member, shared by all the facilitators. Sealed, each reader receives
 * only their own wrapped `key`; it is null for someone it was not wrapped for (the writer's other tabs, a
 * facilitator who came later).
 */
export type Whisper = {
  id: string;
  at: number;
  /** The member the thread is with. */
  member: string;
  from: string;
  fromName: string;
} & (
  | { text: string; sealed?: undefined; key?: undefined }
  | { sealed: Sealed; key: WrappedKey | null; text?: undefined }
);

/** What someone catches up on when they (re)join: the chat, and what is private between them and the facilitators. */
export interface ChatHistory {
  messages: ChatMessage[];
  /** A member gets their own thread; facilitators get every thread. */
  whispers: Whisper[];
  /** The side room this person is in, if any. */
  sideRoom: SideRoom | null;
  /** Whether this person has asked for support (only they and the facilitators know). */
  supportAsked: boolean;
}

export interface ChatEventResults {
  /** The message's id: the writer shows their own words under it (a sealed private word is not sealed for them). */
  'chat:send': { id: string };
  'chat:delete': null;
  'chat:toggle': null;
  'chat:history': ChatHistory;
  'chat:whisper': { id: string };
}

export interface ChatServerEvents {
  'chat:message': (message: ChatMessage) => void;
  'chat:deleted': (id: string) => void;
  'chat:whisper': (whisper: Whisper) => void;
}
