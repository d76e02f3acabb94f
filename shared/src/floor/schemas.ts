import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { empty, id } from '../schemaParts.js';

const limitSec = z.number().int().min(LIMITS.turnLimitSecMin).max(LIMITS.turnLimitSecMax).nullable();
/** Who held the word when the command was sent (null: nobody); the server refuses it (STALE) if that changed. */
const expectHolder = id.nullable();

export const floorEventSchemas = {
  'floor:raise': empty,
  'floor:lower': z.object({ pid: id.optional() }).strict(),
  'floor:pass': empty,
  'floor:done': empty,
  'floor:give': z.object({ pid: id, expectHolder: expectHolder.optional() }).strict(),
  'floor:take': z.object({ expectHolder: expectHolder.optional() }).strict(),
  'floor:next': z
    .object({ expectHolder: expectHolder.optional(), expectNext: id.nullable().optional() })
    .strict(),
  'floor:undo': z.object({ expectHolder }).strict(),
  'floor:round': z.object({ from: id.optional(), limitSec: limitSec.optional() }).strict(),
  'floor:endRound': empty,
  'floor:skip': z.object({ pid: id }).strict(),
  // Raised hands come from the seats and, in an open meeting, from its listeners too.
  'floor:reorder': z.object({ order: z.array(id).max(LIMITS.capacityMax + LIMITS.listenersMax) }).strict(),
  'floor:settings': z
    .object({ turnLimitSec: limitSec.optional(), autoHandover: z.boolean().optional() })
    .strict(),
} as const;

export interface FloorEventResults {
  'floor:raise': null;
  'floor:lower': null;
  'floor:pass': null;
  'floor:done': null;
  'floor:give': null;
  'floor:take': null;
  'floor:next': null;
  'floor:undo': null;
  'floor:round': null;
  'floor:endRound': null;
  'floor:skip': null;
  'floor:reorder': null;
  'floor:settings': null;
}
