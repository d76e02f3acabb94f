import type {
  ExcludedPerson,
  ExerciseState,
  FirstMeetingAudience,
  FloorState,
  FormatState,
  GroupSettings,
  MeetingClock,
  Role,
  SideRoom,
  SupportRequest,
} from '@circle/shared';

/** Every type the server stores lives here, so no module needs another's logic to name what it keeps. */

/** The live invitation of one role: only its hash is kept, so the store alone opens no door. */
export interface InviteRecord {
  hash: string;
  /** Epoch ms after which the link is refused; null: no end. */
  expiresAt: number | null;
}

export interface GroupRecord {
  id: string;
  createdAt: number;
  settings: GroupSettings;
  /** Bumped whenever the declaration text changes, so each acceptance names the text it accepted. */
  declarationVersion: number;
  /** The live invitation per role; a validly signed token that is not the current one is refused. */
  invites: Record<Role, InviteRecord>;
  /** Identities removed from the group, refused at every meeting until a facilitator lets them back in. */
  excluded: ExcludedPerson[];
}

/** A personal identity within one group: no account, no e-mail. */
export interface IdentityRecord {
  id: string;
  createdAt: number;
  /** The last time it joined a meeting (absent until it joins again after this was introduced). */
  lastUsedAt?: number;
}

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

/** How someone took part in a meeting. */
export interface Participation {
  shared: boolean;
  passed: boolean;
  observed: boolean;
  steppedOut: boolean;
}

export interface ParticipantRecord {
  pid: string;
  name: string;
  role: Role;
  joinedAt: number;
  /** False while waiting in the lobby. */
  admitted: boolean;
  /**
   * Admitted beyond the seats (they were full, and the group allows listeners): no seat, may ask for the
   * word, heard only while holding it. Decided at each admission; absent: seated (or an observer).
   */
  listener?: boolean;
  /**
   * A listener's place in the line for a seat: seats that come free go to the smallest first (when they
   * became a listener, or before everyone when a facilitator chose them). Absent: when they joined.
   */
  inLineSince?: number;
  waitingSince: number | null;
  /** A newcomer brought with a buddy invitation: the pid of the member who brought them (see buddy/). */
  buddyOf?: string;
  /** A newcomer's own choice to be known as at their first meeting, and to whom (see buddy/projection). */
  firstMeeting?: FirstMeetingAudience;
  /** Set when their last connection dropped; they keep their place until the reconnect window ends. */
  offlineSince: number | null;
}

export interface MediaRules {
  held: string[];
  strict: boolean;
  /** Members may share their screen (absent in records written before screen sharing: no). */
  membersMayShare?: boolean;
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
  /** The role-play in progress, changed in the same transaction as the floor it pauses and resumes. */
  exercise?: ExerciseState | null;
  /** Facilitators' microphone holds and strict circle: who may be heard, decided with the floor. */
  media?: MediaRules;
  /** The shared balance on everyone's screen, if any. */
  spotlight?: string | null;
  /** The meeting format's current part and the meeting roles (absent until first used). */
  format?: FormatState;
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
