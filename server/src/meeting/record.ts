import type { MeetingView, SideRoom, SupportRequest } from '@circle/shared';
import { initialClock, type MeetingClock } from '@circle/shared';
import type { GroupRecord } from '../groups/service.js';
import type { RoomRecord } from '../room/records.js';

/** The facilitation state of a meeting in progress. Part of the room record: persisted before any ack. */
export interface MeetingRecord {
  phase: 'gathering' | 'open';
  clock: MeetingClock;
  locked: boolean;
  /** Set by the first removal: the member link is shared, so from then on every newcomer waits in the lobby. */
  lobbyForced: boolean;
  /** Identities refused for the rest of this meeting. */
  removed: string[];
  chatEnabled: boolean;
  /** Stepped out right now (the seat is kept, the go-around skips them). */
  away: string[];
  /** Stepped out at least once this meeting, for attendance. */
  steppedOut: string[];
  /** Seen by the facilitators only. */
  support: SupportRequest[];
  sideRooms: SideRoom[];
}

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
  };
}
