import { z } from 'zod';
import { LIMITS } from '../protocol.js';
import type { JoinResult, RoomView } from '../room.js';
import { empty, id, token } from '../schemaParts.js';
import { firstMeetingSchema } from '../buddy/schemas.js';

/** Joining and leaving, identity, the lobby and the seats. */
export const roomEventSchemas = {
  'room:join': z
    .object({
      token,
      name: z.string().trim().min(1).max(LIMITS.nameMax),
      accept: z.literal(true),
      declarationVersion: z.number().int().min(1),
      identity: token.optional(),
      /** This browser can encrypt its media end to end (encoded transforms); absent: it cannot. */
      e2ee: z.boolean().optional(),
      /** A member's first meeting, shown to the facilitators (or to everyone) only if they say so. */
      firstMeeting: firstMeetingSchema.optional(),
    })
    .strict(),
  'room:leave': empty,
  'room:snapshot': empty,
  'identity:erase': empty,
  'seats:reorder': z.object({ order: z.array(id).max(LIMITS.capacityMax) }).strict(),
  'seats:offer': z.object({ pid: id }).strict(),
  'lobby:admit': z.object({ pid: id }).strict(),
  'lobby:admitAll': empty,
} as const;

export interface RoomEventResults {
  'room:join': JoinResult;
  'room:leave': null;
  'room:snapshot': RoomView;
  'identity:erase': null;
  'seats:reorder': null;
  'seats:offer': null;
  'lobby:admit': null;
  'lobby:admitAll': { admitted: number };
}
