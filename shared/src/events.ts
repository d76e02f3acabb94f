import type { ResultOf } from './commandKit.js';
import type { Commands } from './commands.js';
import type { AckFn } from './protocol.js';
import type { ClientEventName, ClientPayload } from './schemas.js';

export type { ServerToClientEvents } from './serverEvents.js';

/** What each client event answers with when it succeeds, as its command definition says. */
export type ClientEventResults = { [E in ClientEventName]: ResultOf<Commands[E]> };

export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: AckFn<ClientEventResults[E]>) => void;
};

/** What the client sends in the Socket.IO handshake. */
export interface HandshakeAuth {
  protocol: number;
}
