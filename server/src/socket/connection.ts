import type { Ack, ClientEventName, ErrorCode } from '@circle/shared';
import { clientEventSchemas, PROTOCOL_VERSION } from '@circle/shared';
import type { Routing } from '../cluster/route.js';
import { AppError } from '../errors.js';
import { track } from '../ops/inflight.js';
import type { AbuseLimits } from '../config.js';
import { AddressLimits } from './addressLimits.js';
import type { Logger } from 'pino';
import type { CircleServer, CircleSocket, Session } from './context.js';
import { RateLimiter } from './rateLimit.js';

// Handlers are registered in the table in ./dispatch.ts (one entry per domain).

export function attachSockets(
  deps: { io: CircleServer; log: Logger; now: () => number; routing: Routing },
  opts: { rateLimitPerSec: number; limits: AbuseLimits },
) {
  const { io, log, routing } = deps;
  const perAddress = new AddressLimits(io, opts.limits, deps.now);

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { protocol?: unknown };
    if (auth?.protocol !== PROTOCOL_VERSION) return next(new Error('PROTOCOL_MISMATCH'));
    next();
  });

  /** What each connection keeps of its own; everything else is shared by every connection of this server. */
  interface Own {
    session: Session;
    limiter: RateLimiter;
  }

  /** Throws a refusal at once; not `async`: one promise fewer for every command (see `run`). */
  function dispatch(socket: CircleSocket, mine: Own, event: ClientEventName, payload: unknown) {
    if (!mine.limiter.take()) throw new AppError('RATE_LIMITED');
    const parsed = clientEventSchemas[event].safeParse(payload);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    // Counted per address (well-formed attempts only): every join loads a group and may write an identity.
    if (event === 'room:join' && !perAddress.mayJoin(socket.request)) throw new AppError('RATE_LIMITED');
    return routing.route(socket, mine.session, event, parsed.data);
  }

  function run(socket: CircleSocket, mine: Own, event: ClientEventName, payload: unknown, ack: unknown) {
    let answer: Promise<unknown>;
    try {
      answer = dispatch(socket, mine, event, payload);
    } catch (err) {
      answer = Promise.reject(err);
    }
    void answer.then(
      (data) => reply(ack, { ok: true, data }),
      (err: unknown) => {
        const code: ErrorCode = err instanceof AppError ? err.code : 'INTERNAL';
        // Only the event name and code: payloads may hold what members said or their names.
        if (code === 'INTERNAL') log.error({ event, err: errorSummary(err) }, 'handler failed');
        reply(ack, { ok: false, error: code });
      },
    );
  }

  io.on('connection', (raw) => {
    const socket = raw as CircleSocket;
    // Kept in socket.data so a connection restored by Socket.IO's state recovery keeps who it speaks for.
    const session: Session = (socket.data.session ??= {});
    const mine: Own = { session, limiter: new RateLimiter(opts.rateLimitPerSec) };
    // A connection exists to be in a room: one that never joins only holds memory and a file descriptor.
    const joinDeadline = session.groupId
      ? undefined
      : setTimeout(() => {
          if (!session.groupId) socket.disconnect(true);
        }, opts.limits.joinTimeoutMs);

    // Every event is handled by this last middleware, after the ones ops/ registered before it (metrics
    // wrap the ack, a draining node refuses): one function per connection, no listener per event name (a
    // table of 84 listeners per connection was most of what a room cost beyond bare Socket.IO).
    socket.use((packet, _next) => {
      const [name, payload, ack] = packet as unknown[];
      if (typeof name !== 'string') return;
      // Anything not in our table is answered and otherwise ignored.
      if (!Object.hasOwn(clientEventSchemas, name))
        return reply(packet.at(-1), { ok: false, error: 'BAD_REQUEST' });
      run(socket, mine, name as ClientEventName, payload, ack);
    });

    socket.on('disconnect', () => {
      clearTimeout(joinDeadline);
      const { groupId, pid } = session;
      if (!groupId || !pid) return;
      // Tracked so a node shutting down lets the room record the departure before it closes the store.
      void track(io, routing.disconnect(groupId, pid, socket.id)).catch((err: unknown) =>
        log.error({ err: errorSummary(err) }, 'disconnect handling failed'),
      );
    });
  });
}

function reply(ack: unknown, value: Ack<unknown>) {
  if (typeof ack === 'function') (ack as (v: Ack<unknown>) => void)(value);
}

function errorSummary(err: unknown) {
  return err instanceof Error ? { name: err.name, stack: err.stack } : { value: typeof err };
}
