import type { IceServer, JoinedEventName, ClientEventResults, ClientPayload, Role } from '@circle/shared';
import type { Logger } from 'pino';
import type { CircleServer, CircleSocket } from './types.js';
import type { Cluster } from '../cluster/Cluster.js';
import type { Exercises } from '../exercise/service.js';
import type { Groups } from '../groups/service.js';
import type { FacilitationServices } from '../meeting/attach.js';
import type { Boards } from '../board/service.js';
import type { MediaService } from '../media/service.js';
import type { Identities } from '../identity/service.js';
import type { DeviceCodes } from '../identity/deviceCodes.js';
import type { RoomRegistry } from '../room/registry.js';
import type { Room } from '../room/Room.js';

export type { CircleServer, CircleSocket } from './types.js';

/** What one connection speaks for, once `room:join` succeeded. */
export interface Session {
  groupId?: string;
  pid?: string;
  token?: string;
}

export interface Services extends FacilitationServices {
  io: CircleServer;
  groups: Groups;
  identities: Identities;
  deviceCodes: DeviceCodes;
  rooms: RoomRegistry;
  log: Logger;
  now: () => number;
  /** Absent when no mediasoup worker could start: media events then answer UNAVAILABLE. */
  media?: MediaService;
  /** Fresh for each `media:join`: TURN credentials are minted per person and expire. */
  mediaIceServers: () => IceServer[];
  exercises?: Exercises;
  /** Present with Redis: several nodes share rooms, each room owned by one node at a time. */
  cluster?: Cluster;
  boards: Boards;
}

export interface JoinedContext {
  socket: CircleSocket;
  session: Required<Session>;
  services: Services;
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
