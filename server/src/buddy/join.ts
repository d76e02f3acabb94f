import type { ClientPayload } from '@circle/shared';
import { AppError } from '../errors.js';
import type { Identities } from '../identity/service.js';
import type { Room } from '../room/Room.js';
import type { BuddyEntry, BuddyInvitations } from './invitations.js';

/**
 * Joining with a buddy invitation. It opens a member's place that waits in the lobby, for the first
 * identity that uses it and for no one else afterwards. Resolved before the identity is known (the
 * invitation names the group), and taken once the identity is.
 */
export async function buddyInvite(
  deps: { buddies: BuddyInvitations; identities: Identities },
  p: Pick<ClientPayload<'room:join'>, 'token' | 'identity'>,
): Promise<(BuddyEntry & { role: 'member' }) | null> {
  const groupId = deps.buddies.groupOf(p.token);
  if (!groupId) return null;
  const pid = p.identity ? await deps.identities.resolve(groupId, p.identity) : null;
  const entry = await deps.buddies.resolve(p.token, pid ?? undefined);
  return entry && { ...entry, role: 'member' };
}

/**
 * Takes the invitation for this identity and says whom the newcomer came with; the join runs `enter`
 * and, if the room refuses them (the lobby full…), a first use is given back: nobody came in.
 */
export async function joinWithBuddy<T>(
  buddies: BuddyInvitations,
  entry: BuddyEntry,
  room: Room,
  pid: string,
  enter: (buddyOf: string) => Promise<T>,
): Promise<T> {
  const { by } = entry.invitation;
  // The member's own link opened in their own browser: it stays for the person they meant it for.
  if (pid === by) throw new AppError('CONFLICT');
  const taken = await buddies.claim(entry, pid);
  if (!taken) throw new AppError('INVALID_TOKEN');
  // Someone already in this meeting does not become a newcomer by using another member's invitation.
  if (taken === 'new' && room.participant(pid)) {
    await buddies.release(entry, pid);
    throw new AppError('CONFLICT');
  }
  try {
    return await enter(by);
  } catch (err) {
    if (taken === 'new') await buddies.release(entry, pid);
    throw err;
  }
}
