import type { MeetingView, SideRoom } from '@circle/shared';
import { initialClock } from '@circle/shared';
import type { GroupRecord } from '../groups/service.js';
import type { MeetingRecord, RoomRecord } from '../room/records.js';

export type { MeetingRecord } from '../room/records.js';

export const newMeeting = (): MeetingRecord => ({
  phase: 'gathering',
  clock: initialClock(),
  locked: false,
  lobbyForced: false,
  removed: [],
  chatEnabled: true,
  away: [],
  steppedOut: [],
  support: [],
  sideRooms: [],
});

/** The meeting part of a record, for reading (records written before it existed have none). */
export const meetingOf = (rec: Readonly<RoomRecord>): MeetingRecord => rec.meeting ?? newMeeting();

/** The meeting part of a record being changed, created on first use. */
export function ensureMeeting(rec: RoomRecord): MeetingRecord {
  rec.meeting ??= newMeeting();
  return rec.meeting;
}

export function sideRoomOf(rec: Readonly<RoomRecord>, pid: string): SideRoom | null {
  return meetingOf(rec).sideRooms.find((r) => r.pid === pid || r.facilitator === pid) ?? null;
}

/** Away from the circle by choice (stepped out) or with a facilitator in a side room. */
export function isAway(rec: Readonly<RoomRecord>, pid: string): boolean {
  return meetingOf(rec).away.includes(pid) || sideRoomOf(rec, pid) !== null;
}

export function meetingView(rec: Readonly<RoomRecord>, group: GroupRecord): MeetingView {
  const m = meetingOf(rec);
  const open = m.phase === 'open';
  return {
    phase: m.phase,
    clock: m.clock,
    durationMs: group.settings.meetingMinutes * 60_000,
    paused: m.clock.pausedAt !== null,
    locked: m.locked,
    chatEnabled: m.chatEnabled,
    // The opening words belong to the opening: nobody sees them before.
    openingWords: open ? group.settings.openingWords : '',
    supportContacts: group.settings.supportContacts,
    // Groups made before groups had a language meet in English.
    language: group.settings.language ?? 'en',
  };
}
