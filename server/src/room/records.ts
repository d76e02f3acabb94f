import type { FloorState, Role } from '@circle/shared';
import type { Participation } from '../meeting/attendance.js';
import type { MeetingRecord } from '../meeting/record.js';

export interface ParticipantRecord {
  pid: string;
  name: string;
  role: Role;
  joinedAt: number;
  /** False while waiting in the lobby. */
  admitted: boolean;
  waitingSince: number | null;
  /** Set when their last connection dropped; they keep their place until the reconnect window ends. */
  offlineSince: number | null;
}

/** Everything about a meeting in progress that must survive a restart. */
export interface RoomRecord {
  meetingId: string;
  startedAt: number;
  seq: number;
  participants: Record<string, ParticipantRecord>;
  floor: FloorState;
  /** Opening, pausing, locking, removals, side rooms… (absent in records written before facilitation). */
  meeting?: MeetingRecord;
}

export type AttendanceEvent = {
  pid: string;
  name: string;
  role: Role;
  type: 'joined' | 'left';
  at: number;
  /** On leaving: how they took part. */
  part?: Participation;
};

export type DeclarationAcceptance = {
  meetingId: string;
  pid: string;
  name: string;
  version: number;
  at: number;
};
