import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { empty, id } from '../schemaParts.js';
import { sealedBytesFor, sealedSchema } from '../chat/sealed.js';
import { EXERCISE_ROLES, type ExerciseRole, type ExerciseState, type NotesBody } from './machine.js';
import type { BuiltInScenarioId, ScenarioEntry } from './scenarios.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const NOTES_MAX = 4_000;
const CHECKED_MAX = 12;
const CHECK_MAX = 200;
/** Sealed notes hold both as JSON, whose escapes may double their length. */
const sealedNotes = sealedSchema(sealedBytesFor(2 * (NOTES_MAX + CHECKED_MAX * (CHECK_MAX + 4))));

export const scenarioInputSchema = z
  .object({
    title: text(80),
    setup: text(1_000),
    forGroup: text(1_000),
    forLeaders: text(1_000),
    forNewcomer: z.string().trim().max(1_000).optional(),
    forObservers: text(1_000),
    focus: z.array(text(200)).min(1).max(12),
  })
  .strict();

export const exerciseEventSchemas = {
  'exercise:get': empty,
  'exercise:scenarios': empty,
  'exercise:saveScenario': scenarioInputSchema,
  'exercise:setup': z
    .object({
      scenarioId: id,
      roles: z.record(id, z.enum(EXERCISE_ROLES)).refine((r) => Object.keys(r).length <= LIMITS.capacityMax),
      minutes: z.number().int().min(1).max(LIMITS.exerciseMinutesMax).optional(),
    })
    .strict(),
  'exercise:start': empty,
  'exercise:timeOut': empty,
  'exercise:nextFeedback': empty,
  'exercise:resume': empty,
  'exercise:end': empty,
  /** In clear (`text` and `checked`), or `sealed` alone in an end-to-end encrypted group. */
  'exercise:shareNotes': z
    .object({
      text: z.string().trim().max(NOTES_MAX).optional(),
      checked: z.array(z.string().max(CHECK_MAX)).max(CHECKED_MAX).optional(),
      sealed: sealedNotes.optional(),
    })
    .strict()
    .refine((p) =>
      p.sealed
        ? p.text === undefined && p.checked === undefined
        : p.text !== undefined && p.checked !== undefined,
    ),
  'exercise:summaries': empty,
} as const;

/** What one person sees of the exercise: the public picture, and only their own instructions. */
export interface ExerciseView {
  state: ExerciseState | null;
  /** The title of the group's own scenario; null for a built-in one (the client words `state.scenarioId`). */
  scenarioTitle: string | null;
  brief: ExerciseBrief | null;
}

/**
 * One person's instructions. A built-in scenario comes by id and the client words it for this role in
 * the viewer's language; a scenario the group wrote comes as written. Observers' checklists end with the
 * general questions, which the client words too.
 */
export type ExerciseBrief =
  | { role: ExerciseRole; builtIn: BuiltInScenarioId }
  | {
      role: ExerciseRole;
      builtIn: null;
      setup: string;
      instructions: string;
      /** Observers' checklist: the scenario's own focus questions (empty for the other roles). */
      focus: string[];
    };

export interface ExerciseSummary {
  scenarioId: string;
  /** The group's own scenario's title; null for a built-in one (worded by the client from its id). */
  scenarioTitle: string | null;
  run: number;
  /** A name is '' when that person had left the meeting. */
  roles: { name: string; role: ExerciseRole }[];
  /** Sealed notes name their writer's pid (`from`): it is bound into them, and opens them. */
  sharedNotes: ({ name: string; from?: string } & NotesBody)[];
  durationMs: number;
  endedAt: number;
}

export interface ExerciseEventResults {
  'exercise:get': ExerciseView;
  'exercise:scenarios': ScenarioEntry[];
  'exercise:saveScenario': { id: string };
  'exercise:setup': null;
  'exercise:start': null;
  'exercise:timeOut': null;
  'exercise:nextFeedback': null;
  'exercise:resume': null;
  'exercise:end': null;
  'exercise:shareNotes': null;
  'exercise:summaries': ExerciseSummary[];
}

export interface ExerciseServerEvents {
  /** The exercise changed: fetch your view again with exercise:get (instructions are personal). */
  'exercise:changed': (notice: { notice: string | null; at: number }) => void;
}
