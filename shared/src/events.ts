import type { AckFn } from './protocol.js';
import type { ClientEventName, ClientPayload } from './schemas.js';
import type { BoardEventResults, BoardServerEvents } from './board/schemas.js';
import type { CareEventResults } from './care/schemas.js';
import type { ChatEventResults, ChatServerEvents } from './chat/schemas.js';
import type { FairnessEventResults, FairnessServerEvents } from './fairness/schemas.js';
import type { ExerciseEventResults, ExerciseServerEvents } from './exercise/schemas.js';
import type { FloorEventResults } from './floor/schemas.js';
import type { InviteEventResults, InviteServerEvents } from './invite/schemas.js';
import type { MediaEventResults, MediaServerEvents } from './media/schemas.js';
import type { MeetingEventResults, MeetingServerEvents } from './meeting/schemas.js';
import type { ModerationEventResults, ModerationServerEvents } from './moderation/schemas.js';
import type { LobbyEntry, NoticeMessage, RoomView } from './room.js';
import type { RoomEventResults } from './room/schemas.js';

/** What each client event answers with when it succeeds: one interface per domain. */
export interface ClientEventResults
  extends
    RoomEventResults,
    FloorEventResults,
    MeetingEventResults,
    ModerationEventResults,
    InviteEventResults,
    ChatEventResults,
    CareEventResults,
    FairnessEventResults,
    MediaEventResults,
    BoardEventResults,
    ExerciseEventResults {}

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: AckFn<ClientEventResults[E]>) => void;
};

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
    ExerciseServerEvents {}

interface FloorServerEvents {
  'floor:notice': (notice: NoticeMessage) => void;
}

interface RoomServerEvents {
  'room:state': (view: RoomView) => void;
  'room:lobby': (waiting: LobbyEntry[]) => void;
  'room:admitted': (view: RoomView) => void;
  /** This connection no longer speaks for anyone (identity erased, or the person left from another tab). */
  'room:closed': (reason: 'left' | 'erased') => void;
}

/** What the client sends in the Socket.IO handshake. */
export interface HandshakeAuth {
  protocol: number;
}
