import type { BuddyCompanion, BuddyOverview, BuddyPair, Role } from '@circle/shared';
import type { ParticipantRecord, RoomRecord } from '../room/records.js';

/**
 * What each viewer may know of buddies and first meetings, from the room record alone. The room's own
 * view (what every admitted person receives) carries none of it: a newcomer's "first meeting" reaches the
 * facilitators, and everyone else only when the newcomer said yes to everyone.
 */

type Rec = Pick<Readonly<RoomRecord>, 'participants'>;

/** Every newcomer in the meeting whose companion is in it too (waiting or inside). */
export function pairsOf(rec: Rec): BuddyPair[] {
  return Object.values(rec.participants).flatMap((p) =>
    p.buddyOf && rec.participants[p.buddyOf] ? [{ companion: p.buddyOf, newcomer: p.pid }] : [],
  );
}

/** Newcomers who asked the facilitators to know it is their first meeting (or said yes to everyone). */
export const firstMeetingForFacilitators = (rec: Rec): string[] =>
  Object.values(rec.participants)
    .filter((p) => p.firstMeeting !== undefined)
    .map((p) => p.pid);

/** Newcomers inside the circle who said yes to everyone knowing it is their first meeting. */
export const firstMeetingForEveryone = (rec: Rec): string[] =>
  Object.values(rec.participants)
    .filter((p) => p.admitted && p.firstMeeting === 'everyone')
    .map((p) => p.pid);

/** The person `pid` came with, or brought, as `pid` sees them. */
export function companionOf(rec: Rec, pid: string): BuddyCompanion | null {
  const me = rec.participants[pid];
  if (!me) return null;
  const shown = (other: ParticipantRecord, iAmNewcomer: boolean): BuddyCompanion => ({
    pid: other.pid,
    name: other.name,
    waiting: !other.admitted,
    iAmNewcomer,
  });
  const brought = me.buddyOf ? rec.participants[me.buddyOf] : undefined;
  if (brought) return shown(brought, true);
  // A member may have brought more than one newcomer (one invitation each): the first to arrive.
  const newcomer = Object.values(rec.participants).find((p) => p.buddyOf === pid);
  return newcomer ? shown(newcomer, false) : null;
}

/** The facilitators' picture: every pair and every newcomer to welcome. */
export const facilitatorsOverview = (rec: Rec): Omit<BuddyOverview, 'companion'> => ({
  pairs: pairsOf(rec),
  firstMeeting: firstMeetingForFacilitators(rec),
});

/** What one viewer may see (the answer to `buddy:overview`). */
export function overviewFor(rec: Rec, viewer: { pid: string; role: Role }): BuddyOverview {
  const companion = companionOf(rec, viewer.pid);
  if (viewer.role === 'facilitator') return { ...facilitatorsOverview(rec), companion };
  return {
    pairs: pairsOf(rec).filter((p) => p.companion === viewer.pid || p.newcomer === viewer.pid),
    firstMeeting: firstMeetingForEveryone(rec),
    companion,
  };
}
