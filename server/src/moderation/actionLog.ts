import type { ClientEventName, Role } from '@circle/shared';
import { EVENT_ROLES } from '@circle/shared';

/** Facilitator events that change nothing anyone else needs to know about. */
const QUIET = new Set<string>(['moderation:view', 'fairness:view', 'chat:history', 'meeting:deleteGroup']);

/**
 * Whether a successful event goes in the facilitators' shared action log, and whom it was about.
 * Every facilitator-only command does, plus lowering someone else's hand. Only the event and its target
 * are kept: never the text of a nudge, a note or a message.
 */
export function loggedAction(
  event: Exclude<ClientEventName, 'room:join'>,
  payload: unknown,
  actor: { pid: string; role: Role },
): { target: string | null } | null {
  if (actor.role !== 'facilitator' || QUIET.has(event)) return null;
  const fields = (payload ?? {}) as { pid?: unknown };
  const target = typeof fields.pid === 'string' ? fields.pid : null;
  if (event === 'meeting:settings' && Object.keys(fields).length === 0) return null;
  if (event === 'floor:lower') return target && target !== actor.pid ? { target } : null;
  const facilitatorsOnly = EVENT_ROLES[event].length === 1 && EVENT_ROLES[event][0] === 'facilitator';
  return facilitatorsOnly ? { target } : null;
}
