import type {
  ClientEventName,
  ClientEventResults,
  ClientPayload,
  JoinedEventName,
  Role,
} from '@circle/shared';
import { maySend } from '@circle/shared';
import { AppError } from '../errors.js';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { RoomRegistry } from '../room/registry.js';
import type { CircleSocket, CompleteHandlerTable, Execute, JoinedHandler, Session } from './context.js';

export interface DispatchDeps {
  rooms: RoomRegistry;
  /**
   * Every command's handler, merged from the domains: `mergeHandlers(domains) satisfies
   * CompleteHandlerTable`, so a command defined in shared/src/commands.ts without a handler does not compile.
   */
  handlers: CompleteHandlerTable;
  /** The one event sent before joining. */
  join(
    socket: CircleSocket,
    session: Session,
    p: ClientPayload<'room:join'>,
  ): Promise<ClientEventResults['room:join']>;
  /** During a role-play, exercise observers sit outside the circle: no floor, no microphone. */
  allows(groupId: string, pid: string, event: ClientEventName): boolean;
  /** After a command succeeded (the facilitators' shared log). */
  done(
    room: Room,
    before: Readonly<RoomRecord>,
    actor: { pid: string; role: Role },
    event: JoinedEventName,
    data: unknown,
  ): void;
}

/**
 * The only way in: runs one validated event on the node that owns the room — the join, or a joined
 * person's command after the membership, admission and role checks. `socket` may stand for a connection on
 * another node.
 */
export function dispatcher(deps: DispatchDeps): Execute {
  const { rooms, handlers } = deps;
  return async (socket, session, event, data) => {
    if (event === 'room:join') return deps.join(socket, session, data as never);
    const { groupId, pid } = session;
    if (!groupId || !pid) throw new AppError('NOT_JOINED');
    // Loaded already for every command but a meeting's first: no wait then.
    const room = rooms.loaded(groupId) ?? (await rooms.get(groupId));
    const me = room?.participant(pid);
    if (!room || !me) throw new AppError('NOT_JOINED');
    if (!me.admitted) throw new AppError('NOT_ADMITTED');
    if (!maySend(me.role, event, me.listener === true)) throw new AppError('FORBIDDEN');
    if (!deps.allows(groupId, pid, event)) throw new AppError('FORBIDDEN');
    // Every event the schema table knows has a handler (checked at compile time); the payload was validated.
    const handler = handlers[event] as JoinedHandler<JoinedEventName>;
    const ctx = { socket, session: session as Required<Session>, room, pid, role: me.role };
    const before = room.record;
    const result = await handler(ctx, data as never);
    // Facilitators see what each other did: their commands go in a shared log once they have succeeded.
    deps.done(room, before, { pid, role: me.role }, event, data);
    return result;
  };
}
