import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import { empty, id } from '../schemaParts.js';

const limitSec = z.number().int().min(LIMITS.turnLimitSecMin).max(LIMITS.turnLimitSecMax).nullable();

export const floorEventSchemas = {
  'floor:raise': empty,
  'floor:lower': z.object({ pid: id.optional() }).strict(),
  'floor:pass': empty,
  'floor:done': empty,
  'floor:give': z.object({ pid: id }).strict(),
  'floor:take': empty,
  'floor:next': empty,
  'floor:round': z.object({ from: id.optional(), limitSec: limitSec.optional() }).strict(),
  'floor:endRound': empty,
  'floor:skip': z.object({ pid: id }).strict(),
  'floor:reorder': z.object({ order: z.array(id).max(LIMITS.capacityMax) }).strict(),
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
  'floor:round': null;
  'floor:endRound': null;
  'floor:skip': null;
  'floor:reorder': null;
  'floor:settings': null;
}
