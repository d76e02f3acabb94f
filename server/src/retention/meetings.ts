import type { ExerciseSummary, MeetingSummary } from '@circle/shared';
import { summariesLog } from '../exercise/service.js';
import { meetingKeys } from '../meeting/keys.js';
import type { AttendanceEvent, DeclarationAcceptance, RoomRecord } from '../room/records.js';
import type { Store } from '../store/index.js';

export const DAY_MS = 86_400_000;

/** The time of a log's last entry (-Infinity for none). */
const lastAt = <T>(entries: T[], at: (e: T) => number) => Math.max(-Infinity, ...entries.map(at));

/**
 * Removes what a group kept about meetings that closed longer ago than it keeps data: their attendance,
 * the declarations accepted in them, and their exercise summaries. A log left without an entry in the
 * list of past meetings (a node killed as its meeting ended) goes once its last entry is that old; the
 * meeting in progress is never touched. Safe to run from several nodes at once: each step is idempotent
 * and logs are rewritten atomically. Returns whether anything was removed.
 */
export async function pruneMeetings(
  store: Store,
  groupId: string,
  retentionDays: number,
  now: number,
): Promise<boolean> {
  const cutoff = now - retentionDays * DAY_MS;
  const past = (await store.get<MeetingSummary[]>(meetingKeys.meetings(groupId))) ?? [];
  const live = (await store.get<RoomRecord>(meetingKeys.room(groupId)))?.meetingId;
  const known = new Set([...past.map((m) => m.meetingId), ...(live ? [live] : [])]);
  const expired = new Set(past.filter((m) => m.closedAt < cutoff).map((m) => m.meetingId));
  // Logs of meetings missing from the list: expired once their last entry is that old.
  const orphans = async <T>(prefix: string, at: (e: T) => number) => {
    for (const log of await store.keys(prefix)) {
      const id = log.slice(prefix.length);
      if (!known.has(id) && lastAt(await store.read<T>(log), at) < cutoff) expired.add(id);
    }
  };
  await orphans<AttendanceEvent>(meetingKeys.attendance(groupId, ''), (e) => e.at);
  await orphans<ExerciseSummary>(summariesLog(groupId, ''), (s) => s.endedAt);

  let removed = false;
  await store.rewriteLog<DeclarationAcceptance>(meetingKeys.declarations(groupId), (all) => {
    const kept = all.filter((d) => !expired.has(d.meetingId) && (known.has(d.meetingId) || d.at >= cutoff));
    removed ||= kept.length !== all.length;
    return kept;
  });
  if (expired.size === 0) return removed;
  for (const id of expired) {
    await store.deletePrefix(meetingKeys.attendance(groupId, id));
    await store.deletePrefix(summariesLog(groupId, id));
  }
  if (past.some((m) => expired.has(m.meetingId)))
    await store.put(
      meetingKeys.meetings(groupId),
      past.filter((m) => !expired.has(m.meetingId)),
    );
  return true;
}
