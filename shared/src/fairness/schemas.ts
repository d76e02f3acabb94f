import { empty } from '../schemaParts.js';

/** The facilitators' fairness view of this meeting. Never sent to members, never stored. */
export const fairnessEventSchemas = {
  'fairness:view': empty,
} as const;

export interface FairnessView {
  /** Everyone seated, with the talk time measured from their audio this meeting. */
  talk: { pid: string; ms: number; share: number }[];
  totalMs: number;
  /** People holding more than twice their fair share of the talk time. */
  overShare: string[];
  /** In strict circle: who spoke lately while not holding the word, and when last. */
  outOfTurn: { pid: string; at: number }[];
}

export interface FairnessEventResults {
  'fairness:view': FairnessView;
}

export interface FairnessServerEvents {
  'fairness:state': (view: FairnessView) => void;
}
