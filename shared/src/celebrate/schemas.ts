import { z } from 'zod';
import { empty, id } from '../schemaParts.js';

/**
 * Celebrations ("is anyone celebrating?"): a member tells the facilitators privately of a milestone. The
 * member decides, when telling, whether it may be announced to the room; the facilitators decide when to
 * acknowledge it. Nothing reaches anyone else without both.
 */
export const MILESTONE_UNITS = ['days', 'months', 'years'] as const;
export type MilestoneUnit = (typeof MILESTONE_UNITS)[number];

/** The largest number each unit takes: a lifetime, not a counter to fill. */
export const MILESTONE_MAX: Readonly<Record<MilestoneUnit, number>> = {
  days: 36_500,
  months: 1_200,
  years: 100,
};

const milestoneFields = { amount: z.number().int().min(1), unit: z.enum(MILESTONE_UNITS) };
const withinBound = (m: { amount: number; unit: MilestoneUnit }) => m.amount <= MILESTONE_MAX[m.unit];

export interface Milestone {
  amount: number;
  unit: MilestoneUnit;
}

export const celebrateEventSchemas = {
  /** `announce`: the member's yes to saying it to the room; false keeps it with the facilitators. */
  'celebrate:tell': z
    .object({ ...milestoneFields, announce: z.boolean() })
    .strict()
    .refine(withinBound, { message: 'beyond the unit’s bound' }),
  'celebrate:withdraw': empty,
  'celebrate:list': empty,
  /** `announce: true` is refused unless the member allowed it. */
  'celebrate:acknowledge': z.object({ pid: id, announce: z.boolean() }).strict(),
} as const;

/** What the facilitators see of one celebration told to them. */
export interface Celebration extends Milestone {
  pid: string;
  /** The member's name in the room when they told it. */
  name: string;
  /** Whether the member allows it to be announced to the room. */
  announce: boolean;
  at: number;
}

/** What the room hears, only for an announcement the member allowed. */
export interface CelebrationAnnounced extends Milestone {
  name: string;
}

export interface CelebrateEventResults {
  'celebrate:tell': null;
  'celebrate:withdraw': null;
  'celebrate:list': Celebration[];
  'celebrate:acknowledge': null;
}

export interface CelebrateServerEvents {
  /** Facilitators only: every celebration told and not yet acknowledged in this meeting. */
  'celebrate:state': (celebrations: Celebration[]) => void;
  /** To the member only: a facilitator acknowledged theirs (and whether it was announced). */
  'celebrate:acknowledged': (answer: { announced: boolean }) => void;
  /** To the whole room: "Ana celebrates 90 days", only with the member's yes. */
  'celebrate:announced': (celebration: CelebrationAnnounced) => void;
}
