import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { empty, id } from '../schemaParts.js';
import type { ProofAsk } from '../attendance/schemas.js';

const note = z.string().trim().max(LIMITS.noteMax);

/** The gentle notes a facilitator picks from: sent as a code, worded in each member's own language. */
export const NUDGE_PRESETS = ['share', 'own-experience', 'close', 'breathe'] as const;
export type NudgePreset = (typeof NUDGE_PRESETS)[number];

/** The facilitators' tools for disruptions, lightest first, and their shared view of the room. */
export const moderationEventSchemas = {
  'moderation:view': empty,
  'moderation:nudge': z
    .object({ pid: id, text: note.min(1).optional(), preset: z.enum(NUDGE_PRESETS).optional() })
    .strict()
    // One or the other: a preset (worded by the member's client) or a facilitator's own words, as written.
    .refine((p) => (p.text === undefined) !== (p.preset === undefined), { message: 'a preset or a text' }),
  'moderation:toLobby': z.object({ pid: id, message: note }).strict(),
  'moderation:remove': z.object({ pid: id }).strict(),
  /** The last resort: removed from this meeting and refused at later ones until let back in. */
  'moderation:removeFromGroup': z.object({ pid: id }).strict(),
  'moderation:sideOpen': z.object({ pid: id }).strict(),
  'moderation:sideClose': z.object({ pid: id }).strict(),
  'moderation:supportSeen': z.object({ pid: id }).strict(),
} as const;

/** A facilitator and a member talking privately while the group goes on. */
export interface SideRoom {
  pid: string;
  facilitator: string;
  since: number;
}

export interface SupportRequest {
  pid: string;
  since: number;
}

/** What one facilitator did, so the others see it. Never the text of a nudge or a message. */
export interface ActionEntry {
  id: number;
  at: number;
  by: string;
  byName: string;
  event: string;
  target: string | null;
  targetName: string | null;
  /** For switches (pause, lock, chat, strict circle): which way it went. */
  on?: boolean;
}

export interface AbsenceNotice {
  id: string;
  at: number;
  name: string;
  note: string;
}

/** Only facilitators ever receive this. */
export interface FacilitatorView {
  support: SupportRequest[];
  sideRooms: SideRoom[];
  log: ActionEntry[];
  absences: AbsenceNotice[];
  /** Proofs of attendance asked for and not yet answered. */
  proofAsks: ProofAsk[];
}

export interface ModerationEventResults {
  'moderation:view': FacilitatorView;
  'moderation:nudge': null;
  'moderation:toLobby': null;
  'moderation:remove': null;
  'moderation:removeFromGroup': null;
  'moderation:sideOpen': null;
  'moderation:sideClose': null;
  'moderation:supportSeen': null;
}

/** How many of the latest facilitator actions the shared log keeps (and sends). */
export const ACTION_LOG_KEPT = 50;

export interface ModerationServerEvents {
  /** The whole view: when support requests or side rooms change (and on asking, `moderation:view`). */
  'moderation:state': (view: FacilitatorView) => void;
  /** One more entry of the shared action log (appended; the log keeps the latest ACTION_LOG_KEPT). */
  'moderation:logged': (entry: ActionEntry) => void;
  /** A gentle note to one member. */
  'moderation:nudged': (nudge: { text: string; at: number } | { preset: NudgePreset; at: number }) => void;
  /** This person is back in the lobby; a facilitator may admit them again. */
  'moderation:sentToLobby': (info: { message: string }) => void;
  /** This person may not come back to this meeting (nor, `fromGroup`, to any later one until let back in). */
  'moderation:removed': (info: { fromGroup: boolean }) => void;
  /** A side room this person is in opened (or, with null, ended). */
  'moderation:sideRoom': (room: SideRoom | null) => void;
}
