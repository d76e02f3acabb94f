import type {
  ClientEventName,
  ClientEventResults,
  ClientPayload,
  JoinedEventName,
  Role,
} from '@circle/shared';
import type { CircleSocket } from './types.js';
import type { Room } from '../room/Room.js';

export type { CircleServer, CircleSocket } from './types.js';

/** What one connection speaks for, once `room:join` succeeded. */
export interface Session {
  groupId?: string;
  pid?: string;
  token?: string;
  /** Declared at join: this browser encrypts media end to end (see e2ee/ and media/handlers.ts). */
  encrypts?: boolean;
}

/** What every handler needs: who sent it, from which connection, in which room. Services come from the domain. */
export interface JoinedContext {
  socket: CircleSocket;
  session: Required<Session>;
  room: Room;
  pid: string;
  role: Role;
}

export type JoinedHandler<E extends JoinedEventName> = (
  ctx: JoinedContext,
  payload: ClientPayload<E>,
) => Promise<ClientEventResults[E]>;

/** One domain's handlers, any subset of the events: declare them `{...} satisfies HandlerTable`. */
export type HandlerTable = { [E in JoinedEventName]?: JoinedHandler<E> };

/** A handler for every event sent once joined: the dispatcher's table, so a missing one does not compile. */
export type CompleteHandlerTable = { [E in JoinedEventName]: JoinedHandler<E> };

/** Runs one validated event for a connection (see socket/dispatch.ts). */
export type Execute = (
  socket: CircleSocket,
  session: Session,
  event: ClientEventName,
  data: unknown,
) => Promise<unknown>;
