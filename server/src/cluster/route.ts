import type { ClientEventName, ErrorCode } from '@circle/shared';
import { ERROR_CODES } from '@circle/shared';
import { AppError } from '../errors.js';
import { disconnected } from '../room/membership.js';
import type { CircleSocket, Services, Session } from '../socket/context.js';
import { execute } from '../socket/dispatch.js';

type Forwarded =
  | {
      kind: 'event';
      groupId: string;
      socketId: string;
      session: Session;
      event: ClientEventName;
      data: unknown;
    }
  | { kind: 'disconnect'; groupId: string; pid: string; socketId: string };

type Reply = { ok: true; result: unknown; session?: Session } | { ok: false; error: ErrorCode };

/** Sends an event to the room's owner node (this one, or another over Redis) and returns its result. */
export async function route(
  services: Services,
  socket: CircleSocket,
  session: Session,
  event: ClientEventName,
  data: unknown,
): Promise<unknown> {
  if (!services.cluster) return execute(services, socket, session, event, data);
  const groupId = event === 'room:join' ? await groupOfInvite(services, data) : session.groupId;
  if (!groupId) return execute(services, socket, session, event, data);
  return onOwner(
    services,
    groupId,
    () => execute(services, socket, session, event, data),
    { kind: 'event', groupId, socketId: socket.id, session: { ...session }, event, data },
    (reply) => {
      if (reply.session) Object.assign(session, reply.session);
      return reply.result;
    },
  );
}

export async function routeDisconnect(services: Services, groupId: string, pid: string, socketId: string) {
  const local = async () => {
    services.media?.socketGone(groupId, socketId);
    services.boards.socketGone(socketId);
    const room = await services.rooms.get(groupId);
    if (room) await disconnected(room, pid, socketId);
  };
  if (!services.cluster) return local();
  await onOwner(services, groupId, local, { kind: 'disconnect', groupId, pid, socketId }, () => null);
}

/** The owner's side: runs what another node forwarded, as if the connection were local. */
export function serveForwarded(services: Services) {
  const cluster = services.cluster!;
  cluster.serve(async (raw): Promise<Reply> => {
    const body = raw as Forwarded;
    // A node that lost the lease in the meantime must not apply anything: the sender retries.
    if ((await cluster.ownerOf(body.groupId)) !== cluster.nodeId) return { ok: false, error: 'UNAVAILABLE' };
    try {
      if (body.kind === 'disconnect') {
        services.media?.socketGone(body.groupId, body.socketId);
        services.boards.socketGone(body.socketId);
        const room = await services.rooms.get(body.groupId);
        if (room) await disconnected(room, body.pid, body.socketId);
        return { ok: true, result: null };
      }
      const session = { ...body.session };
      const socket = remoteSocket(services, body.socketId);
      const result = await execute(services, socket, session, body.event, body.data);
      return { ok: true, result, session };
    } catch (err) {
      return { ok: false, error: err instanceof AppError ? err.code : 'INTERNAL' };
    }
  });
}

async function onOwner<T>(
  services: Services,
  groupId: string,
  local: () => Promise<T>,
  body: Forwarded,
  unwrap: (reply: Extract<Reply, { ok: true }>) => T,
): Promise<T> {
  const cluster = services.cluster!;
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner = await cluster.ownerOf(groupId);
    if (owner === cluster.nodeId) return local();
    let reply: Reply;
    try {
      reply = (await cluster.request(owner, body)) as Reply;
    } catch {
      // The owner does not answer (killed, partitioned): free its lease so a live node takes the room.
      await cluster.evict(groupId, owner);
      continue;
    }
    if (reply.ok) return unwrap(reply);
    if (reply.error !== 'UNAVAILABLE')
      throw new AppError(ERROR_CODES.includes(reply.error) ? reply.error : 'INTERNAL');
  }
  throw new AppError('UNAVAILABLE');
}

async function groupOfInvite(services: Services, data: unknown): Promise<string | undefined> {
  const token = (data as { token?: string }).token;
  return token ? (await services.groups.resolveInvite(token))?.group.id : undefined;
}

/** A connection that lives on another node, driven through the Socket.IO adapter. */
function remoteSocket(services: Services, id: string): CircleSocket {
  const { io } = services;
  const proxy = {
    id,
    connected: true,
    disconnected: false,
    emit: (event: string, ...args: unknown[]) => {
      (io.to(id).emit as (e: string, ...a: unknown[]) => boolean)(event, ...args);
      return true;
    },
    join: (rooms: string | string[]) => io.in(id).socketsJoin(rooms),
    leave: (room: string) => io.in(id).socketsLeave(room),
  };
  return proxy as unknown as CircleSocket;
}
