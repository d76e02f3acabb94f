import type { ClientEventResults, ClientPayload } from '@circle/shared';
import { groupE2ee } from '@circle/shared';
import { AppError } from '../errors.js';
import { join as joinRoom, leave } from './membership.js';
import type { BuddyInvitations } from '../buddy/invitations.js';
import { buddyInvite, joinWithBuddy } from '../buddy/join.js';
import { firstInLine } from './places.js';
import type { Boards } from '../board/service.js';
import { defineDomain } from '../domain.js';
import type { Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import type { CircleSocket, HandlerTable, Session } from '../socket/context.js';
import type { RoomRegistry } from './registry.js';

export interface JoinDeps {
  groups: Groups;
  identities: Identities;
  rooms: RoomRegistry;
  now: () => number;
  /** Members' one-time invitations for someone they accompany (see buddy/). */
  buddies?: BuddyInvitations;
}

/**
 * Joining: the invitation decides the role, the personal identity decides who this is. Sending join
 * again on the same connection (after a reconnect, or to refresh) is the same person coming back.
 */
export async function join(
  services: JoinDeps,
  socket: CircleSocket,
  session: Session,
  p: ClientPayload<'room:join'>,
): Promise<ClientEventResults['room:join']> {
  const known = (await services.groups.resolveInvite(p.token)) ?? (await stillInside(services, p));
  // A member's buddy invitation: a member's place in the lobby, for the one newcomer who uses it first.
  const buddy =
    !known && services.buddies ? await buddyInvite({ ...services, buddies: services.buddies }, p) : null;
  const invite = known ?? buddy;
  if (!invite) throw new AppError('INVALID_TOKEN');
  const { group, role } = invite;
  // The text someone accepted must be the text in force; otherwise they re-read it first.
  if (p.declarationVersion !== group.declarationVersion) throw new AppError('CONFLICT');
  if (session.groupId && session.groupId !== group.id) throw new AppError('CONFLICT');

  const identity = await services.identities.resolveOrMint(group.id, p.identity);
  // One connection speaks for one person; another person needs their own connection.
  if (session.pid && session.pid !== identity.id) throw new AppError('CONFLICT');
  // Removed from the group: refused at every meeting, through any link, until let back in.
  if (services.groups.isExcluded(group, identity.id)) throw new AppError('EXCLUDED');
  const room = await services.rooms.get(group.id);
  if (!room) throw new AppError('NOT_FOUND');
  // A browser that cannot encrypt its media is refused where the facilitators chose so.
  if (groupE2ee(group.settings)?.fallback === 'refuse' && p.e2ee !== true) throw new AppError('FORBIDDEN');
  const existing = room.participant(identity.id);
  // A token grants exactly its role: the same person cannot come back in through another door.
  if (existing && existing.role !== role) throw new AppError('CONFLICT');

  const args = {
    pid: identity.id,
    name: p.name,
    role,
    declarationVersion: p.declarationVersion,
    identity: identity.token,
    // Whether it is one's first meeting is a member's to say (facilitators and observers are not newcomers).
    ...(role === 'member' && p.firstMeeting ? { firstMeeting: p.firstMeeting } : {}),
  };
  const result =
    buddy && services.buddies
      ? await joinWithBuddy(services.buddies, buddy, room, identity.id, (buddyOf) =>
          joinRoom(room, socket, { ...args, buddyOf }),
        )
      : await joinRoom(room, socket, args);
  // Only now that the room took them: a refused join (full, removed, wrong door) stores nothing.
  await services.identities.remember(group.id, identity, services.now());
  Object.assign(session, { groupId: group.id, pid: identity.id, token: p.token, encrypts: p.e2ee === true });
  return result;
}

/**
 * A replaced or expired link still lets back in whoever is in this meeting already (a dropped connection,
 * another tab), with the role that link gave them: replacing a link must not push anyone out.
 */
async function stillInside(services: JoinDeps, p: ClientPayload<'room:join'>) {
  const signed = await services.groups.resolveSigned(p.token);
  if (!signed || !p.identity) return null;
  const pid = await services.identities.resolve(signed.group.id, p.identity);
  const room = pid ? await services.rooms.get(signed.group.id) : null;
  return pid && room?.participant(pid)?.role === signed.role ? signed : null;
}

/** Leaving, and erasing one's identity (with the balances it owns). Joining is `join` above. */
export const roomDomain = ({ boards, identities }: { boards: Boards; identities: Identities }) =>
  defineDomain({
    name: 'room',
    handlers: {
      'room:snapshot': async ({ room }) => room.view(),
      // The facilitator's choice of who sits next; a seat free now is taken in this same change.
      'seats:offer': async ({ room }, p) => (await room.change((c) => firstInLine(c.rec, p.pid)), null),
      'room:leave': async ({ room, pid }) => {
        await leave(room, pid);
        room.farewell(pid, (to) => to.emit('room:closed', 'left'));
        return null;
      },
      'identity:erase': async ({ room, pid }) => {
        await leave(room, pid);
        // Balances belong to the identity; once it is gone nobody could reach them again, so they go too
        // (first: erasing the identity ends by making every deletion final in the database's files).
        await boards.eraseOwner(room, pid);
        await identities.erase(room.id, pid);
        room.farewell(pid, (to) => to.emit('room:closed', 'erased'));
        return null;
      },
    } satisfies HandlerTable,
  });
