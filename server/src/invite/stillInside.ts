import type { Role } from '@circle/shared';
import { groupKey, type GroupRecord, type Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import type { RoomRecord } from '../room/records.js';
import type { Store } from '../store/index.js';

/**
 * A replaced or expired link still opens for whoever is in the meeting in progress with that link's role,
 * proven by the identity their browser holds: a reloaded page must not push them out. The join itself then
 * checks the same against the live room. The link alone (what leaked) opens nothing.
 */
export async function insideWithOldLink(
  deps: { groups: Groups; identities: Identities; store: Store },
  token: string,
  identity: string,
): Promise<{ group: GroupRecord; role: Role } | null> {
  const signed = await deps.groups.resolveSigned(token);
  if (!signed) return null;
  const pid = await deps.identities.resolve(signed.group.id, identity);
  if (!pid) return null;
  const live = await deps.store.get<RoomRecord>(`${groupKey(signed.group.id)}room`);
  return live?.participants[pid]?.role === signed.role ? signed : null;
}
