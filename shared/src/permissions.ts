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

export function maySend(role: Role, event: JoinedEventName): boolean {
  return EVENT_ROLES[event]?.includes(role) ?? false;
}
