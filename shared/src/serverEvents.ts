// A leaf: what the server sends, by domain. The command definitions name these events (`broadcasts`), and
// the client-to-server map in events.ts derives from the definitions, so this file must import neither.
import type { AttendanceServerEvents } from './attendance/schemas.js';
import type { BoardServerEvents } from './board/schemas.js';
import type { CelebrateServerEvents } from './celebrate/schemas.js';
import type { BuddyServerEvents } from './buddy/schemas.js';
import type { ChatServerEvents } from './chat/schemas.js';
import type { E2eeServerEvents } from './e2ee/schemas.js';
import type { FairnessServerEvents } from './fairness/schemas.js';
import type { FormatServerEvents } from './format/schemas.js';
import type { ExerciseServerEvents } from './exercise/schemas.js';
import type { InviteServerEvents } from './invite/schemas.js';
import type { MediaServerEvents } from './media/schemas.js';
import type { MeetingServerEvents } from './meeting/schemas.js';
import type { ModerationServerEvents } from './moderation/schemas.js';
import type { LobbyEntry, NoticeMessage, RoomView } from './room.js';
import type { RoomPatch } from './room/patch.js';

/** Server-to-client events, one interface per domain. */
export interface ServerToClientEvents
  extends
    RoomServerEvents,
    FloorServerEvents,
    MeetingServerEvents,
    ModerationServerEvents,
    InviteServerEvents,
    ChatServerEvents,
    FairnessServerEvents,
    MediaServerEvents,
    BoardServerEvents,
    ExerciseServerEvents,
    FormatServerEvents,
    AttendanceServerEvents,
    CelebrateServerEvents,
    BuddyServerEvents,
    E2eeServerEvents {}

interface FloorServerEvents {
  'floor:notice': (notice: NoticeMessage) => void;
}

interface RoomServerEvents {
  /** The whole room: on joining, on re-admission, after a restart, and when asked (`room:snapshot`). */
  'room:state': (view: RoomView) => void;
  /** What one change did to the room (see RoomPatch): applies on top of the snapshot with seq - 1. */
  'room:patch': (patch: RoomPatch) => void;
  'room:lobby': (waiting: LobbyEntry[]) => void;
  'room:admitted': (view: RoomView) => void;
  /** This connection no longer speaks for anyone (identity erased, or the person left from another tab). */
  'room:closed': (reason: 'left' | 'erased') => void;
}
