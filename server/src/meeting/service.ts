import type { MeetingClosed, MeetingSummary } from '@circle/shared';
import { nextMeetingAt } from '@circle/shared';
import { groupKey, type Groups } from '../groups/service.js';
import type { Room } from '../room/Room.js';
import type { DeclarationAcceptance, RoomRecord } from '../room/records.js';
import type { CircleServer } from '../socket/context.js';
import type { Store } from '../store/index.js';
import { clearAbsences } from './absences.js';
import { meetingOf } from './record.js';

const DAY_MS = 86_400_000;
const meetingsKey = (g: string) => `${groupKey(g)}meetings`;
const declarationsKey = (g: string) => `${groupKey(g)}declarations`;
export const attendanceKey = (g: string, meetingId: string) => `${groupKey(g)}attendance:${meetingId}`;

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
    return room.closeMeeting(async (rec) => {
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
    await room.closeMeeting(async (rec) => {
      this.announce(room, rec, {
        meetingId: rec.meetingId,
        reason: 'deleted',
        closingWords: '',
        nextMeetingAt: null,
        lastSession: false,
      });
    });
    await this.deps.store.deletePrefix(groupKey(room.id));
  }

  /** Removes the attendance and declarations of meetings that closed longer ago than the group keeps them. */
  async prune(groupId: string, retentionDays: number, now: number): Promise<void> {
    const { store } = this.deps;
    const cutoff = now - retentionDays * DAY_MS;
    const past = await this.past(groupId);
    const expired = new Set(past.filter((m) => m.closedAt < cutoff).map((m) => m.meetingId));
    if (expired.size === 0) return;
    for (const id of expired) await store.deletePrefix(attendanceKey(groupId, id));
    // A log cannot lose single entries: it is rewritten with what is kept.
    const declarations = await store.read<DeclarationAcceptance>(declarationsKey(groupId));
    const kept = declarations.filter((d) => !expired.has(d.meetingId));
    if (kept.length !== declarations.length) {
      await store.deletePrefix(declarationsKey(groupId));
      for (const d of kept) await store.append(declarationsKey(groupId), d);
    }
    await store.put(
      meetingsKey(groupId),
      past.filter((m) => !expired.has(m.meetingId)),
    );
  }

  private announce(room: Room, rec: Readonly<RoomRecord>, closed: MeetingClosed) {
    // Everyone admitted, and each person still waiting in the lobby.
    const to = [
      room.ch.room,
      ...Object.keys(rec.participants).map((p) => room.ch.person(p)),
    ];
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
