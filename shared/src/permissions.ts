import type { Grant } from './commandKit.js';
import { ROLE_GRANTS } from './commandKit.js';
import { COMMANDS } from './commands.js';
import { ROLES, type Role } from './protocol.js';
import type { ClientEventName } from './schemas.js';

/** Every event sent once joined: all but `room:join`. */
export type JoinedEventName = Exclude<ClientEventName, 'room:join'>;

export const hasGrant = (role: Role, grant: Grant) => ROLE_GRANTS[role].includes(grant);

/**
 * Which roles may send each event once joined, from each command's grant and the role table. The server
 * enforces this before any handler runs; the client only uses it to decide what to show. Acting on someone
 * else (e.g. lowering another person's hand) is further restricted in the handler.
 */
export const EVENT_ROLES = Object.fromEntries(
  Object.entries(COMMANDS).flatMap(([event, { grant }]) =>
    grant === 'link' ? [] : [[event, ROLES.filter((role) => hasGrant(role, grant))]],
  ),
) as unknown as Readonly<Record<JoinedEventName, readonly Role[]>>;

/** `listener`: a member admitted beyond the seats, who may send only the `speak` commands marked for them. */
export function maySend(role: Role, event: JoinedEventName, listener = false): boolean {
  if (!(EVENT_ROLES[event]?.includes(role) ?? false)) return false;
  const command = COMMANDS[event];
  return !listener || command.grant !== 'speak' || command.listeners === true;
}
