import type { FloorState, Role } from '@circle/shared';

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
}

export type AttendanceEvent = {
  pid: string;
  name: string;
  role: Role;
  type: 'joined' | 'left';
  at: number;
};

export type DeclarationAcceptance = {
  meetingId: string;
  pid: string;
  name: string;
  version: number;
  at: number;
};
