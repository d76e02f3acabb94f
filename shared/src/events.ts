import type { AckFn } from './protocol.js';
import type { ClientEventName, ClientPayload } from './schemas.js';
import type { JoinResult, LobbyEntry, NoticeMessage, RoomView } from './room.js';

/** What each client event answers with when it succeeds. */
export interface ClientEventResults {
  'room:join': JoinResult;
  'room:leave': null;
  'identity:erase': null;
  'seats:reorder': null;
  'lobby:admit': null;
  'lobby:admitAll': { admitted: number };
  'floor:raise': null;
  'floor:lower': null;
  'floor:pass': null;
  'floor:done': null;
  'floor:give': null;
  'floor:take': null;
  'floor:next': null;
  'floor:round': null;
  'floor:endRound': null;
  'floor:skip': null;
  'floor:reorder': null;
  'floor:settings': null;
}

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: AckFn<ClientEventResults[E]>) => void;
};

export interface ServerToClientEvents {
  'room:state': (view: RoomView) => void;
  'room:lobby': (waiting: LobbyEntry[]) => void;
  'room:admitted': (view: RoomView) => void;
  /** This connection no longer speaks for anyone (identity erased, or the person left from another tab). */
  'room:closed': (reason: 'left' | 'erased') => void;
  'floor:notice': (notice: NoticeMessage) => void;
}

/** What the client sends in the Socket.IO handshake. */
export interface HandshakeAuth {
  protocol: number;
}
