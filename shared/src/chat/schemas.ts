import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import type { SideRoom } from '../moderation/schemas.js';
import { empty, id } from '../schemaParts.js';

const text = z.string().trim().min(1).max(LIMITS.chatMax);

/** The room's written chat, and the private word between a facilitator and one member. Never stored. */
export const chatEventSchemas = {
  'chat:send': z.object({ text }).strict(),
  'chat:delete': z.object({ id }).strict(),
  'chat:toggle': z.object({ on: z.boolean() }).strict(),
  'chat:history': empty,
  /** From a member: to the facilitators (no `to`). From a facilitator: to the member named by `to`. */
  'chat:whisper': z.object({ to: id.optional(), text }).strict(),
} as const;

export interface ChatMessage {
  id: string;
  at: number;
  pid: string;
  name: string;
  text: string;
}

/** A private word: one thread per member, shared by all the facilitators. */
export interface Whisper {
  id: string;
  at: number;
  /** The member the thread is with. */
  member: string;
  from: string;
  fromName: string;
  text: string;
}

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
  'chat:send': null;
  'chat:delete': null;
  'chat:toggle': null;
  'chat:history': ChatHistory;
  'chat:whisper': null;
}

export interface ChatServerEvents {
  'chat:message': (message: ChatMessage) => void;
  'chat:deleted': (id: string) => void;
  'chat:whisper': (whisper: Whisper) => void;
}
