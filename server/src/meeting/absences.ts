import type { AbsenceNotice } from '@circle/shared';
import { groupKey } from '../groups/service.js';
import type { Store } from '../store/index.js';
import { newId } from '../tokens.js';

/** Absence notices wait for the next meeting and are cleared when it closes. */
const absencesKey = (groupId: string) => `${groupKey(groupId)}absences`;

/** The member link is shared, so the list is bounded: beyond this, notices are refused until the meeting. */
export const MAX_ABSENCES = 100;

export function readAbsences(store: Store, groupId: string): Promise<AbsenceNotice[]> {
  return store.read<AbsenceNotice>(absencesKey(groupId));
}

/** Returns false when the list is full. */
export async function addAbsence(
  store: Store,
  groupId: string,
  notice: { name: string; note: string },
  now: number,
): Promise<boolean> {
  if ((await readAbsences(store, groupId)).length >= MAX_ABSENCES) return false;
  await store.append(absencesKey(groupId), { id: newId(), at: now, ...notice } satisfies AbsenceNotice);
  return true;
}

export function clearAbsences(store: Store, groupId: string): Promise<void> {
  return store.deletePrefix(absencesKey(groupId));
}
