import type { ClientEventName, JoinedEventName } from '@circle/shared';
import { maySend } from '@circle/shared';
import { boardHandlers } from '../board/handlers.js';
import { careHandlers } from '../care/handlers.js';
import { chatHandlers } from '../chat/handlers.js';
import { AppError } from '../errors.js';
import { exerciseHandlers } from '../exercise/handlers.js';
import { fairnessHandlers } from '../fairness/handlers.js';
import { floorHandlers } from '../floor/handlers.js';
import { lobbyHandlers } from '../lobby/handlers.js';
import { mediaHandlers } from '../media/handlers.js';
import { meetingHandlers } from '../meeting/handlers.js';
import { moderationHandlers } from '../moderation/handlers.js';
import { join, roomHandlers } from '../room/handlers.js';
import { identityHandlers } from '../identity/handlers.js';
import { inviteHandlers } from '../invite/handlers.js';
import { seatHandlers } from '../seats/handlers.js';
import type { CircleSocket, CompleteHandlerTable, JoinedHandler, Services, Session } from './context.js';

/**
 * Every domain's handlers, one table; the dispatcher below is the only way in. It must hold a handler for
 * every command defined in shared/src/commands.ts: a missing one is a compile error here.
 */
const handlers = {
  ...roomHandlers,
  ...floorHandlers,
  ...lobbyHandlers,
  ...seatHandlers,
  ...mediaHandlers,
  ...boardHandlers,
  ...meetingHandlers,
  ...moderationHandlers,
  ...inviteHandlers,
  ...identityHandlers,
  ...chatHandlers,
  ...careHandlers,
  ...fairnessHandlers,
  ...exerciseHandlers,
} satisfies CompleteHandlerTable;

/**
 * Runs one validated event on the node that owns the room: the join, or a joined person's command after
 * the membership, admission and role checks. `socket` may stand for a connection on another node.
 */
export async function execute(
  services: Services,
  socket: CircleSocket,
  session: Session,
  event: ClientEventName,
  data: unknown,
): Promise<unknown> {
  if (event === 'room:join') return join(socket, session, services, data as never);
  const { groupId, pid } = session;
  if (!groupId || !pid) throw new AppError('NOT_JOINED');
  const room = await services.rooms.get(groupId);
  const me = room?.participant(pid);
  if (!room || !me) throw new AppError('NOT_JOINED');
  if (!me.admitted) throw new AppError('NOT_ADMITTED');
  if (!maySend(me.role, event)) throw new AppError('FORBIDDEN');
  // During a role-play, exercise observers sit outside the circle: no floor, no microphone.
  if (services.exercises && !services.exercises.allows(groupId, pid, event)) throw new AppError('FORBIDDEN');
  // Every event the schema table knows has a handler (checked at compile time); the payload was validated.
  const handler = handlers[event] as JoinedHandler<JoinedEventName>;
  const ctx = { socket, session: session as Required<Session>, services, room, pid, role: me.role };
  const before = room.record;
  const result = await handler(ctx, data as never);
  // Facilitators see what each other did: their commands go in a shared log once they have succeeded.
  services.facilitation.record(room, before, { pid, role: me.role }, event, data);
  return result;
}
