import type { Ack, ClientEventName, ErrorCode } from '@circle/shared';
import { clientEventSchemas, maySend, PROTOCOL_VERSION } from '@circle/shared';
import { boardHandlers } from '../board/handlers.js';
import { careHandlers } from '../care/handlers.js';
import { chatHandlers } from '../chat/handlers.js';
import { AppError } from '../errors.js';
import { fairnessHandlers } from '../fairness/handlers.js';
import { floorHandlers } from '../floor/handlers.js';
import { lobbyHandlers } from '../lobby/handlers.js';
import { mediaHandlers } from '../media/handlers.js';
import { meetingHandlers } from '../meeting/handlers.js';
import { moderationHandlers } from '../moderation/handlers.js';
import { roomHandlers, join } from '../room/handlers.js';
import { seatHandlers } from '../seats/handlers.js';
import type { CircleSocket, HandlerTable, JoinedHandler, Services, Session } from './context.js';
import { RateLimiter } from './rateLimit.js';

type JoinedEvent = Exclude<ClientEventName, 'room:join'>;

const handlers: HandlerTable = {
  ...roomHandlers,
  ...floorHandlers,
  ...lobbyHandlers,
  ...seatHandlers,
  ...mediaHandlers,
  ...boardHandlers,
  ...meetingHandlers,
  ...moderationHandlers,
  ...chatHandlers,
  ...careHandlers,
  ...fairnessHandlers,
};

export function attachSockets(services: Services, opts: { rateLimitPerSec: number }) {
  const { io, log } = services;

  io.use((socket, next) => {
    const auth = socket.handshake.auth as { protocol?: unknown };
    if (auth?.protocol !== PROTOCOL_VERSION) return next(new Error('PROTOCOL_MISMATCH'));
    next();
  });

  io.on('connection', (raw) => {
    const socket = raw as CircleSocket;
    const session: Session = {};
    const limiter = new RateLimiter(opts.rateLimitPerSec);

    // Socket.IO dispatches by name; anything not in our table is answered here and otherwise ignored.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (!Object.hasOwn(clientEventSchemas, event)) reply(args.at(-1), { ok: false, error: 'BAD_REQUEST' });
    });

    for (const event of Object.keys(clientEventSchemas) as ClientEventName[]) {
      socket.on(event, (payload: unknown, ack: unknown) => {
        void dispatch(event, payload).then(
          (data) => reply(ack, { ok: true, data }),
          (err: unknown) => {
            const code: ErrorCode = err instanceof AppError ? err.code : 'INTERNAL';
            // Only the event name and code: payloads may hold what members said or their names.
            if (code === 'INTERNAL') log.error({ event, err: errorSummary(err) }, 'handler failed');
            reply(ack, { ok: false, error: code });
          },
        );
      });
    }

    socket.on('disconnect', () => {
      const { groupId, pid } = session;
      if (!groupId || !pid) return;
      services.media?.socketGone(groupId, socket.id);
      void services.rooms
        .get(groupId)
        .then((room) => room?.disconnected(pid, socket.id))
        .catch((err: unknown) => log.error({ err: errorSummary(err) }, 'disconnect handling failed'));
    });

    async function dispatch(event: ClientEventName, payload: unknown): Promise<unknown> {
      if (!limiter.take()) throw new AppError('RATE_LIMITED');
      const parsed = clientEventSchemas[event].safeParse(payload);
      if (!parsed.success) throw new AppError('BAD_REQUEST');
      if (event === 'room:join') return join(socket, session, services, parsed.data as never);

      const { groupId, pid } = session;
      if (!groupId || !pid) throw new AppError('NOT_JOINED');
      const room = await services.rooms.get(groupId);
      const me = room?.participant(pid);
      if (!room || !me) throw new AppError('NOT_JOINED');
      if (!me.admitted) throw new AppError('NOT_ADMITTED');
      if (!maySend(me.role, event)) throw new AppError('FORBIDDEN');
      const handler = handlers[event] as JoinedHandler<JoinedEvent> | undefined;
      if (!handler) throw new AppError('BAD_REQUEST');
      const ctx = { socket, session: session as Required<Session>, services, room, pid, role: me.role };
      const before = room.record;
      const result = await handler(ctx, parsed.data as never);
      // Facilitators see what each other did: their commands go in a shared log once they have succeeded.
      services.facilitation.record(room, before, { pid, role: me.role }, event, parsed.data);
      return result;
    }
  });
}

function reply(ack: unknown, value: Ack<unknown>) {
  if (typeof ack === 'function') (ack as (v: Ack<unknown>) => void)(value);
}

function errorSummary(err: unknown) {
  return err instanceof Error ? { name: err.name, stack: err.stack } : { value: typeof err };
}
