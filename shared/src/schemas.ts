import { z } from 'zod';
import { LIMITS } from './protocol.js';

const id = z.string().min(1).max(64);
const token = z.string().min(1).max(512);
const empty = z.object({}).strict();

/**
 * Every client-to-server event and its payload schema. The server validates each payload with these
 * before any handler runs; the typed event maps below derive from this table.
 */
export const clientEventSchemas = {
  'room:join': z
    .object({
      token,
      name: z.string().trim().min(1).max(LIMITS.nameMax),
      accept: z.literal(true),
      declarationVersion: z.number().int().min(1),
      identity: token.optional(),
    })
    .strict(),
  'room:leave': empty,
  'identity:erase': empty,
  'seats:reorder': z.object({ order: z.array(id).max(LIMITS.capacityMax) }).strict(),
  'lobby:admit': z.object({ pid: id }).strict(),
  'lobby:admitAll': empty,
  'floor:raise': empty,
  'floor:lower': z.object({ pid: id.optional() }).strict(),
  'floor:pass': empty,
  'floor:done': empty,
  'floor:give': z.object({ pid: id }).strict(),
  'floor:take': empty,
  'floor:next': empty,
  'floor:round': z
    .object({ from: id.optional(), limitSec: z.number().int().min(10).max(3600).nullable().optional() })
    .strict(),
  'floor:endRound': empty,
  'floor:skip': z.object({ pid: id }).strict(),
  'floor:reorder': z.object({ order: z.array(id).max(LIMITS.capacityMax) }).strict(),
  'floor:settings': z
    .object({
      turnLimitSec: z.number().int().min(10).max(3600).nullable().optional(),
      autoHandover: z.boolean().optional(),
    })
    .strict(),
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;
