import type { ClientToServerEvents, ServerToClientEvents } from '@circle/shared';
import type { Server, Socket } from 'socket.io';

/** The typed Socket.IO server and connection. A leaf module: services name them without the dispatcher. */
export type CircleServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type CircleSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
