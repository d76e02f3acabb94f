import { z } from 'zod';
import { empty } from '../schemaParts.js';

/** Members taking care of themselves: stepping out for a moment, asking discreetly for support. */
export const careEventSchemas = {
  'care:stepOut': empty,
  'care:back': empty,
  /** Shown to the facilitators only. */
  'care:support': z.object({ on: z.boolean() }).strict(),
} as const;

export interface CareEventResults {
  'care:stepOut': null;
  'care:back': null;
  'care:support': null;
}
