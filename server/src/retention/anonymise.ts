import type { ExerciseSummary } from '@circle/shared';
import { summariesLog } from '../exercise/service.js';
import { meetingKeys } from '../meeting/keys.js';
import type { AttendanceEvent, DeclarationAcceptance } from '../room/records.js';
import type { Store } from '../store/index.js';
import { newId } from '../tokens.js';

/** What an erased person is called from then on, wherever the group's records keep a row for them. */
export const ERASED = '(erased)';

/**
 * Takes a person out of everything the group keeps about its meetings, once their identity is erased
 * (by them, or by the retention sweep after a long absence). Per kind:
 * - attendance: the rows stay, named "(erased)", so the group's counts of who came stay right;
 * - declarations: the fact that the declaration was accepted stays (the attendance export shows it on
 *   that row), the name goes;
 * - exercise summaries: the role they played stays, named "(erased)"; the notes they shared go, since
 *   they are their own words.
 * In each meeting the person gets a fresh random id, so the rows left behind cannot be linked to each
 * other across meetings (nor to anything else the identity touched). Idempotent: a second run finds no
 * row under the erased id.
 */
export async function anonymiseIdentity(store: Store, groupId: string, pid: string): Promise<void> {
  const stand = new Map<string, string>();
  const standIn = (meetingId: string) => {
    if (!stand.has(meetingId)) stand.set(meetingId, `erased-${newId()}`);
    return stand.get(meetingId)!;
  };
  const prefix = meetingKeys.attendance(groupId, '');
  for (const log of await store.keys(prefix)) {
    const meetingId = log.slice(prefix.length);
    // Summaries name people, not identities: the names this person used in that meeting find them.
    const names = new Set<string>();
    await store.rewriteLog<AttendanceEvent>(log, (events) => {
      names.clear();
      return events.map((e) => {
        if (e.pid !== pid) return e;
        names.add(e.name);
        return { ...e, pid: standIn(meetingId), name: ERASED };
      });
    });
    // Someone else with the same name in that meeting is anonymised too: erring towards privacy.
    if (names.size)
      await store.rewriteLog<ExerciseSummary>(summariesLog(groupId, meetingId), (all) =>
        all.map((s) => ({
          ...s,
          roles: s.roles.map((r) => (names.has(r.name) ? { ...r, name: ERASED } : r)),
          sharedNotes: s.sharedNotes.filter((n) => !names.has(n.name)),
        })),
      );
  }
  await store.rewriteLog<DeclarationAcceptance>(meetingKeys.declarations(groupId), (all) =>
    all.map((d) => (d.pid === pid ? { ...d, pid: standIn(d.meetingId), name: ERASED } : d)),
  );
}
