import type { z } from 'zod';
import { boardEventSchemas } from './board/schemas.js';
import { careEventSchemas } from './care/schemas.js';
import { chatEventSchemas } from './chat/schemas.js';
import { fairnessEventSchemas } from './fairness/schemas.js';
import { exerciseEventSchemas } from './exercise/schemas.js';
import { floorEventSchemas } from './floor/schemas.js';
import { inviteEventSchemas } from './invite/schemas.js';
import { mediaEventSchemas } from './media/schemas.js';
import { meetingEventSchemas } from './meeting/schemas.js';
import { moderationEventSchemas } from './moderation/schemas.js';
import { roomEventSchemas } from './room/schemas.js';

/**
 * Every client-to-server event and its payload schema, one table per domain. The server validates each
 * payload with these before any handler runs; the typed event maps in events.ts derive from this table.
 */
export const clientEventSchemas = {
  ...roomEventSchemas,
  ...floorEventSchemas,
  ...exerciseEventSchemas,
  ...meetingEventSchemas,
  ...moderationEventSchemas,
  ...inviteEventSchemas,
  ...chatEventSchemas,
  ...careEventSchemas,
  ...fairnessEventSchemas,
  ...mediaEventSchemas,
  ...boardEventSchemas,
} as const;

export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;
