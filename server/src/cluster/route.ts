import type { ClientEventName, ErrorCode } from '@circle/shared';
import { ERROR_CODES } from '@circle/shared';
import { AppError } from '../errors.js';
import type { Groups } from '../groups/service.js';
import type { CircleServer, CircleSocket, Execute, Session } from '../socket/context.js';
import type { Cluster } from './Cluster.js';

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

export interface RouteDeps {
  /** Present with Redis: several nodes share rooms, each room owned by one node at a time. */
  cluster?: Cluster;
  io: CircleServer;
  groups: Groups;
  /** The group a buddy invitation names (buddy/invitations.ts), so its join runs on the room's owner. */
  buddyGroupOf?: (token: string) => string | null;
  /** Runs an event on this node (socket/dispatch.ts). */
  execute: Execute;
  /** What this node does when a connection of a room it owns goes: the domains, then the room. */
  gone(groupId: string, pid: string, socketId: string): Promise<void>;
}

export interface Routing {
  /** Sends an event to the room's owner node (this one, or another over Redis) and returns its result. */
  route(socket: CircleSocket, session: Session, event: ClientEventName, data: unknown): Promise<unknown>;
  /** Tells the room's owner node that a connection went. */
  disconnect(groupId: string, pid: string, socketId: string): Promise<void>;
}

/** Routing for this node; with a cluster, it also starts answering what other nodes forward to it. */
export function routing(deps: RouteDeps): Routing {
  const { cluster, execute, gone } = deps;
  if (!cluster)
    return {
      route: (socket, session, event, data) => execute(socket, session, event, data),
      disconnect: gone,
    };
  serveForwarded(cluster, deps);
  return {
    async route(socket, session, event, data) {
      const groupId = event === 'room:join' ? await groupOfInvite(deps, data) : session.groupId;
      if (!groupId) return execute(socket, session, event, data);
      return onOwner(
        cluster,
        groupId,
        () => execute(socket, session, event, data),
        { kind: 'event', groupId, socketId: socket.id, session: { ...session }, event, data },
        (reply) => {
          if (reply.session) Object.assign(session, reply.session);
          return reply.result;
        },
      );
    },
    async disconnect(groupId, pid, socketId) {
      const local = () => gone(groupId, pid, socketId);
      await onOwner(cluster, groupId, local, { kind: 'disconnect', groupId, pid, socketId }, () => null);
    },
  };
}

/** The owner's side: runs what another node forwarded, as if the connection were local. */
function serveForwarded(cluster: Cluster, deps: RouteDeps) {
  cluster.serve(async (raw): Promise<Reply> => {
    const body = raw as Forwarded;
    // A node that lost the lease in the meantime must not apply anything: the sender retries.
    if ((await cluster.ownerOf(body.groupId)) !== cluster.nodeId) return { ok: false, error: 'UNAVAILABLE' };
    try {
      if (body.kind === 'disconnect') {
        await deps.gone(body.groupId, body.pid, body.socketId);
        return { ok: true, result: null };
      }
      const session = { ...body.session };
      const socket = remoteSocket(deps.io, body.socketId);
      const result = await deps.execute(socket, session, body.event, body.data);
      return { ok: true, result, session };
    } catch (err) {
      return { ok: false, error: err instanceof AppError ? err.code : 'INTERNAL' };
    }
  });
}

async function onOwner<T>(
  cluster: Cluster,
  groupId: string,
  local: () => Promise<T>,
  body: Forwarded,
  unwrap: (reply: Extract<Reply, { ok: true }>) => T,
): Promise<T> {
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

async function groupOfInvite(deps: RouteDeps, data: unknown): Promise<string | undefined> {
  const token = (data as { token?: string }).token;
  if (!token) return undefined;
  // A buddy invitation names its group too; the owner node checks the rest.
  return (await deps.groups.resolveInvite(token))?.group.id ?? deps.buddyGroupOf?.(token) ?? undefined;
}

/** A connection that lives on another node, driven through the Socket.IO adapter. */
function remoteSocket(io: CircleServer, id: string): CircleSocket {
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
