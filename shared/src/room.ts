import type { FloorNotice, FloorState } from './floor/types.js';
import type { FormatState } from './format/schemas.js';
import type { MeetingView } from './meeting/schemas.js';
import type { Role } from './protocol.js';

export interface ParticipantView {
  pid: string;
  name: string;
  role: Role;
  online: boolean;
  /** A member admitted beyond the seats: no seat, may ask for the word (absent: seated or an observer). */
  listener?: true;
  /** The listener who takes the next seat that comes free (a facilitator's choice, or the longest waiting). */
  nextSeat?: true;
}

/** The floor as clients see it: what an undo would restore stays on the server, only its time travels. */
export type FloorView = Omit<FloorState, 'lastMove'> & { lastMove?: { at: number } | null };

/** The snapshot an admitted participant receives on joining and on asking; changes come as patches. */
export interface RoomView {
  groupId: string;
  groupName: string;
  meetingId: string;
  /** Increases by one with every applied change; clients drop anything older than what they have. */
  seq: number;
  /** Server time of the change, and of this snapshot's clocks. */
  at: number;
  participants: ParticipantView[];
  floor: FloorView;
  lobbyCount: number;
  capacity: number;
  meeting: MeetingView;
  /** The meeting format's current part and meeting roles, once a facilitator stepped in or named someone. */
  format?: FormatState;
}

export interface LobbyEntry {
  pid: string;
  name: string;
  since: number;
}

export interface JoinResult {
  pid: string;
  role: Role;
  /** The personal identity token, kept in this browser only (another device gets it with a one-time code). */
  identity: string;
  status: 'admitted' | 'waiting';
}

export type NoticeMessage = FloorNotice & { at: number };
