import type { MeetingClosed, MeetingSummary } from '@circle/shared';
import { nextMeetingAt } from '@circle/shared';
import { groupKey, type Groups } from '../groups/service.js';
import type { Room } from '../room/Room.js';
import { closeMeeting } from '../room/membership.js';
import type { RoomRecord } from '../room/records.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import { pruneMeetings } from '../retention/meetings.js';
import { forgetProofIndex } from '../attendance/proofs.js';
import { clearAbsences } from './absences.js';
import { meetingKeys } from './keys.js';
import { meetingOf } from './record.js';

const meetingsKey = meetingKeys.meetings;
export const attendanceKey = meetingKeys.attendance;

/**
 * Meetings over time: the list of past meetings (for attendance export), closing a meeting for everyone,
 * the retention of attendance, and deleting everything a group left in the store.
 */
export class Meetings {
  constructor(private readonly deps: { store: Store; io: CircleServer; groups: Groups; now: () => number }) {}

  /** Every meeting that ends (closed, or emptied by everyone leaving) is listed for the export. */
  attach(room: Room) {
    room.onEnd((ended) => this.remember(room.id, ended));
  }

  async past(groupId: string): Promise<MeetingSummary[]> {
    return (await this.deps.store.get<MeetingSummary[]>(meetingsKey(groupId))) ?? [];
  }

  /** A facilitator closes the meeting: closing words and the next date for everyone, then the room empties. */
  close(room: Room): Promise<void> {
    return closeMeeting(room, async (rec) => {
      const now = this.deps.now();
      const { settings } = room.group;
      const held = (await this.past(room.id)).filter((m) => m.openedAt !== null).length;
      const thisOne = meetingOf(rec).phase === 'open' ? 1 : 0;
      const lastSession =
        settings.kind === 'reformed' && settings.sessions !== null && held + thisOne >= settings.sessions;
      this.announce(room, rec, {
        meetingId: rec.meetingId,
        reason: 'closed',
        closingWords: settings.closingWords,
        nextMeetingAt: lastSession ? null : nextMeetingAt(settings.schedule, now),
        timeZone: settings.schedule?.timeZone ?? null,
        lastSession,
      });
      // Inside the room's turn, so no one joining can append to what is being pruned.
      await clearAbsences(this.deps.store, room.id);
      await this.prune(room.id, settings.retentionDays, now);
    });
  }

  /**
   * "Delete this group's data": the links stop working first (so nobody can join meanwhile), the meeting
   * ends for everyone, then every key under the group's prefix goes, in whichever store is in use.
   */
  async deleteGroup(room: Room): Promise<void> {
    await this.deps.groups.forget(room.id);
    await closeMeeting(room, async (rec) => {
      this.announce(room, rec, {
        meetingId: rec.meetingId,
        reason: 'deleted',
        closingWords: '',
        nextMeetingAt: null,
        lastSession: false,
      });
    });
    // Proofs of attendance are under the prefix; only their code index is not.
    await forgetProofIndex(this.deps.store, room.id);
    await this.deps.store.deletePrefix(groupKey(room.id));
    // Gone from the database's files too, not only from its queries.
    await this.deps.store.forgetDeleted();
  }

  /**
   * Removes what the group kept of meetings that closed longer ago than it keeps data (attendance,
   * declarations, exercise summaries). Also run by the periodic retention sweep.
   */
  async prune(groupId: string, retentionDays: number, now: number): Promise<void> {
    await pruneMeetings(this.deps.store, groupId, retentionDays, now);
  }

  private announce(room: Room, rec: Readonly<RoomRecord>, closed: MeetingClosed) {
    // Everyone admitted, and each person still waiting in the lobby.
    const to = [room.ch.room, ...Object.keys(rec.participants).map((p) => room.ch.person(p))];
    this.deps.io.to(to).emit('meeting:closed', closed);
  }

  private async remember(groupId: string, rec: RoomRecord) {
    // A deleted group keeps nothing, not even this.
    if (!(await this.deps.groups.get(groupId))) return;
    const past = await this.past(groupId);
    if (past.some((m) => m.meetingId === rec.meetingId)) return;
    const summary: MeetingSummary = {
      meetingId: rec.meetingId,
      startedAt: rec.startedAt,
      openedAt: meetingOf(rec).clock.openedAt,
      closedAt: this.deps.now(),
    };
    await this.deps.store.put(meetingsKey(groupId), [...past, summary]);
  }
}
