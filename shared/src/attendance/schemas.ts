import { z } from 'zod';
import { id } from '../schemaParts.js';

export const PROOF_SHOWN_AS = ['initials', 'firstName'] as const;
export type ProofShownAs = (typeof PROOF_SHOWN_AS)[number];

/** Proof of attendance: a member asks, a facilitator answers; the proof names nobody else. */
export const attendanceEventSchemas = {
  'attendance:ask': z.object({ shownAs: z.enum(PROOF_SHOWN_AS).default('initials') }).strict(),
  'attendance:decide': z.object({ pid: id, approve: z.boolean() }).strict(),
} as const;

/** Only the facilitators see these: who asked and how they will be named on the proof. */
export interface ProofAsk {
  pid: string;
  /** The name on the proof: initials or a first name, as the member chose. */
  shownName: string;
  at: number;
}

/** Everything a proof says, and everything `/verify` reveals. */
export interface AttendanceProof {
  code: string;
  groupName: string;
  /** The meeting's day in the group's time zone, YYYY-MM-DD. */
  date: string;
  name: string;
}

export interface AttendanceEventResults {
  'attendance:ask': null;
  'attendance:decide': null;
}

export interface AttendanceServerEvents {
  /** To the member only: the facilitators approved, here is the proof. */
  'attendance:proof': (proof: AttendanceProof) => void;
  /** To the member only: the facilitators declined. */
  'attendance:declined': () => void;
}
