import type { JoinedEventName, Role } from '@circle/shared';
import { COMMANDS, hasGrant } from '@circle/shared';

/**
 * Whether a successful event goes in the facilitators' shared action log, and whom it was about, as its
 * command definition says (`log` in shared/src/<domain>/commands.ts). Only facilitators' moves are logged,
 * and only when they changed the room (`changed`: its record moved on) or reached someone outside the
 * record. Only the event, its target and a switch's direction are kept: never the text of a nudge, a note
 * or a message.
 */
export function loggedAction(
  event: JoinedEventName,
  payload: unknown,
  actor: { pid: string; role: Role },
  changed = true,
): { target: string | null; on?: boolean } | null {
  const spec = COMMANDS[event].log;
  if (spec === 'quiet' || !hasGrant(actor.role, 'moderate')) return null;
  if (!changed && !spec.outsideRecord) return null;
  const fields = (payload ?? {}) as Record<string, unknown>;
  const named = spec.target === undefined ? undefined : fields[spec.target];
  const target = typeof named === 'string' ? named : null;
  if (spec.onlyOnOthers && (target === null || target === actor.pid)) return null;
  return typeof fields.on === 'boolean' ? { target, on: fields.on } : { target };
}
