import type { ClientEventName, Role } from '@circle/shared';
import { EVENT_ROLES } from '@circle/shared';

/** Facilitator events that change nothing anyone else needs to know about. */
const QUIET = new Set<string>([
  'moderation:view',
  'fairness:view',
  'chat:history',
  'meeting:deleteGroup',
  'invite:excluded',
]);

/** Actions that reach people without changing the room record (so the record's seq does not tell). */
const OUTSIDE_RECORD = new Set<string>([
  'moderation:nudge',
  'chat:delete',
  'media:mute',
  'media:muteAll',
  'media:release',
  'media:strict',
]);

/**
 * Whether a successful event goes in the facilitators' shared action log, and whom it was about.
 * Facilitator-only commands that changed the room (`changed`: its record moved on) or reached someone
 * directly do, plus lowering someone else's hand; reads of any domain do not. Only the event and its
 * target are kept: never the text of a nudge, a note or a message.
 */
export function loggedAction(
  event: Exclude<ClientEventName, 'room:join'>,
  payload: unknown,
  actor: { pid: string; role: Role },
  changed = true,
): { target: string | null; on?: boolean } | null {
  if (actor.role !== 'facilitator' || QUIET.has(event)) return null;
  if (!changed && !OUTSIDE_RECORD.has(event)) return null;
  const fields = (payload ?? {}) as { pid?: unknown; on?: unknown };
  const target = typeof fields.pid === 'string' ? fields.pid : null;
  const on = typeof fields.on === 'boolean' ? { on: fields.on } : {};
  if (event === 'meeting:settings' && Object.keys(fields).length === 0) return null;
  if (event === 'floor:lower') return target && target !== actor.pid ? { target } : null;
  const facilitatorsOnly = EVENT_ROLES[event].length === 1 && EVENT_ROLES[event][0] === 'facilitator';
  return facilitatorsOnly ? { target, ...on } : null;
}
