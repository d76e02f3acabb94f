import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ERROR_CODES, PROTOCOL_VERSION } from '@circle/shared';
import type {
  Ack,
  ClientEventName,
  ClientEventResults,
  ClientPayload,
  ClientToServerEvents,
  ErrorCode,
  HandshakeAuth,
  ServerToClientEvents,
} from '@circle/shared';
import { CallError } from './errors';

export type CircleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const CALL_TIMEOUT_MS = 8000;

export function createSocket(): CircleSocket {
  const auth: HandshakeAuth = { protocol: PROTOCOL_VERSION };
  // Short reconnect delays: after a network drop people should hear the room again within seconds.
  return io({
    auth: { ...auth },
    transports: ['websocket'],
    autoConnect: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 2000,
  });
}

/** The untyped shape of a timed emit; `call` below restores the types at its boundary. */
interface TimedEmitter {
  emit(event: string, payload: unknown, ack: (err: Error | null, res: Ack<unknown>) => void): void;
}

/**
 * Sends a client event and resolves with its `data`, or rejects with a CallError.
 * Refuses to send while disconnected: buffered actions would reach the server before the rejoin.
 */
export function call<E extends ClientEventName>(
  socket: CircleSocket,
  name: E,
  payload: ClientPayload<E>,
): Promise<ClientEventResults[E]> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) {
      reject(new CallError('DISCONNECTED'));
      return;
    }
    const timed = socket.timeout(CALL_TIMEOUT_MS) as unknown as TimedEmitter;
    timed.emit(name, payload, (err, res) => {
      if (err) reject(new CallError(socket.connected ? 'TIMEOUT' : 'DISCONNECTED'));
      else if (res.ok) resolve(res.data as ClientEventResults[E]);
      else reject(new CallError(res.error));
    });
  });
}

/** Whether a connect_error carries one of the server's error codes (e.g. PROTOCOL_MISMATCH). */
export function connectErrorCode(err: Error): ErrorCode | null {
  return (ERROR_CODES as readonly string[]).includes(err.message) ? (err.message as ErrorCode) : null;
}
