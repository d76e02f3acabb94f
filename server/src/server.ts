import type { ClientToServerEvents, ServerToClientEvents } from '@circle/shared';
import { LIMITS } from '@circle/shared';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { Router } from 'express';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { closeRedis, toleratingFireAndForget } from './redisClient.js';
import { Server } from 'socket.io';
import { systemClock, type Clock } from './clock.js';
import { Cluster } from './cluster/Cluster.js';
import { routing } from './cluster/route.js';
import type { Config } from './config.js';
import { Groups } from './groups/service.js';
import { createApp } from './http/app.js';
import { Fairness } from './fairness/aggregator.js';
import { fairnessDomain } from './fairness/handlers.js';
import { Meetings } from './meeting/service.js';
import { meetingDomain } from './meeting/handlers.js';
import { Exercises } from './exercise/service.js';
import { exerciseDomain } from './exercise/handlers.js';
import { Identities } from './identity/service.js';
import { DeviceCodes } from './identity/deviceCodes.js';
import { tellDevices } from './identity/http.js';
import { identityDomain } from './identity/handlers.js';
import { insideWithOldLink } from './invite/stillInside.js';
import { Boards } from './board/service.js';
import { boardDomain } from './board/handlers.js';
import { buddyDomain } from './buddy/handlers.js';
import { BuddyInvitations } from './buddy/invitations.js';
import { buddyInvite } from './buddy/join.js';
import { careDomain } from './care/handlers.js';
import { celebrateDomain } from './celebrate/handlers.js';
import { attendanceDomain } from './attendance/handlers.js';
import { Chats } from './chat/service.js';
import { chatDomain } from './chat/handlers.js';
import { e2eeDomain } from './e2ee/handlers.js';
import { mergeHandlers } from './domain.js';
import { floorDomain } from './floor/handlers.js';
import { formatDomain } from './format/handlers.js';
import { Formats } from './format/service.js';
import { inviteDomain } from './invite/handlers.js';
import { journalDomain } from './journal/handlers.js';
import { Journals } from './journal/store.js';
import { listingDomain } from './listing/routes.js';
import { lobbyDomain } from './lobby/handlers.js';
import { loadMediaConfig } from './media/config.js';
import { MediaService } from './media/service.js';
import { mediaDomain } from './media/handlers.js';
import { Facilitation } from './moderation/service.js';
import { moderationDomain } from './moderation/handlers.js';
import { iceServersFor } from './media/turn.js';
import { WorkerPool } from './media/workers.js';
import { Ops } from './ops/index.js';
import { Retention, retentionDomain } from './retention/sweep.js';
import { join, roomDomain } from './room/handlers.js';
import { disconnected } from './room/membership.js';
import { RoomRegistry } from './room/registry.js';
import { seatDomain } from './seats/handlers.js';
import { attachSockets } from './socket/connection.js';
import type { CompleteHandlerTable } from './socket/context.js';
import { dispatcher } from './socket/dispatch.js';
import { openStore, type Store } from './store/index.js';
import { loadSigningKeys, Signer } from './tokens.js';

export interface RunningServer {
  http: HttpServer;
  port: number;
  store: Store;
  media?: MediaService;
  /** Talk time for the fairness view (media feeds it; tests may call `addTalk` directly). */
  fairness: Fairness;
  /** The retention sweep (tests run it with a clock moved forward). */
  retention: Retention;
  close(): Promise<void>;
}

/** Builds and starts the whole server: store, HTTP app, Socket.IO. Used by main.ts and by the tests. */
export async function startServer(
  config: Config,
  log: Logger = pino({ level: config.logLevel }),
  /** Time and timers; tests pass a ManualClock to move time instead of sleeping. */
  clock: Clock = systemClock,
): Promise<RunningServer> {
  const now = () => clock.now();
  // Before the store opens: a missing secret with several nodes is a configuration error, said plainly.
  const signer = new Signer(loadSigningKeys(config));
  const store = openStore({ redisUrl: config.redisUrl, dataDir: config.dataDir });
  const groups = new Groups(store, signer, now);
  const identities = new Identities(store, signer);
  const deviceCodes = new DeviceCodes(store, now);
  const buddies = new BuddyInvitations({ store, signer, groups, now });

  // Filled in once Socket.IO exists: meeting data routes (absence notices, attendance export).
  const laterRoutes = Router();
  const app = createApp({
    groups,
    clientDir: config.clientDir,
    corsOrigins: config.corsOrigins,
    now,
    stillInside: (token, identity) => insideWithOldLink({ groups, identities, store }, token, identity),
    buddyInvite: async (token, identity) =>
      (await buddyInvite({ buddies, identities }, { token, identity }))?.group ?? null,
    groupCreation: {
      adminPassword: config.limits.adminPassword,
      perHour: config.limits.groupCreatePerHour,
      burst: config.limits.groupCreateBurst,
      trustedProxies: config.limits.trustedProxies,
    },
    routes: [laterRoutes],
  });
  const http = createServer(app);
  // With Redis, nodes share broadcasts through plain pub/sub: nothing broadcast (chat, private words,
  // names) is ever written to a Redis stream or its append-only file. Connection-state recovery stays
  // off: it would replay missed packets and restore old channels before any of our checks ran, to a
  // person who may have been removed meanwhile. The client rejoins and gets full state on every connect.
  // The adapter publishes and (un)subscribes without awaiting (see toleratingFireAndForget).
  const adapterPub = config.redisUrl
    ? toleratingFireAndForget(new Redis(config.redisUrl, { maxRetriesPerRequest: null }), ['publish'])
    : null;
  const adapterSub = adapterPub
    ? toleratingFireAndForget(adapterPub.duplicate(), [
        'subscribe',
        'psubscribe',
        'unsubscribe',
        'punsubscribe',
      ])
    : null;
  for (const c of [adapterPub, adapterSub]) c?.on('error', () => {});
  // Plain pub/sub keeps nothing: what other nodes broadcast while this node's subscription was down (Redis
  // restarted) is gone. Once it is back, this node's connections start over: each client rejoins and gets
  // the full state, as after any reconnect (the room keeps their place), so nobody keeps a stale room.
  // Closing the transport (not a server disconnect, which clients take as final) makes them reconnect.
  let subscribed = false;
  adapterSub?.on('ready', () => {
    if (subscribed) for (const socket of io.sockets.sockets.values()) socket.conn.close();
    subscribed = true;
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    maxHttpBufferSize: LIMITS.maxPayloadBytes,
    cors: config.corsOrigins.length ? { origin: config.corsOrigins } : undefined,
    serveClient: false,
    adapter: adapterPub && adapterSub ? createAdapter(adapterPub, adapterSub) : undefined,
  });
  const cluster = config.redisUrl ? new Cluster(config.redisUrl) : undefined;
  await cluster?.start();
  const rooms = new RoomRegistry({ store, io, groups, reconnectWindowMs: config.reconnectWindowMs, clock });
  const boards = new Boards({ store, io, log }, { liveMaxBytes: config.boardLiveMaxBytes });
  const exercises = new Exercises({ store, io, clock });
  const retention = new Retention({
    store,
    groups,
    identities,
    boards,
    now,
    log,
    intervalMs: config.sweepIntervalMs,
  });
  retention.start();
  const mediaConfig = loadMediaConfig();
  // Readiness, metrics and draining; started before the workers so their consumers are counted.
  const ops = await Ops.start({
    io,
    http,
    store,
    log,
    mediaWanted: config.media,
    media: () => media,
    metrics: config.metrics,
  });
  app.use(ops.routes);
  const pool = config.media ? await WorkerPool.start(mediaConfig, log) : null;
  const media = pool
    ? new MediaService(pool, { io, store, config: mediaConfig, registry: rooms, log })
    : undefined;
  const meetings = new Meetings({ store, io, groups, now });
  const facilitation = new Facilitation({ io, store, now });
  const chats = new Chats();
  const fairness = new Fairness({ io, now });
  if (media) {
    media.setPublishPolicy((groupId, pid) => exercises.mayPublish(groupId, pid));
    exercises.onChange((groupId) => media.resync(groupId));
    media.onTalk((groupId, pid, ms, outOfTurn) => fairness.addTalk(groupId, pid, ms, outOfTurn));
  }

  // Every domain plugs in the same way: its handlers into the dispatcher, `attach` on every room as it
  // loads, `socketGone` when a connection goes, its routes into the app, `close` on shutdown.
  const domains = [
    boardDomain({ boards, io, now }),
    exerciseDomain(exercises),
    retentionDomain(retention),
    meetingDomain({
      groups,
      identities,
      store,
      meetings,
      now,
      onAbsence: (groupId) => void facilitation.publish(groupId),
    }),
    moderationDomain({ facilitation, groups, io, now }),
    chatDomain({ chats, io, now }),
    fairnessDomain(fairness),
    identityDomain({
      groups,
      identities,
      codes: deviceCodes,
      now,
      trustedProxies: config.limits.trustedProxies,
      onAdded: (groupId, pid) => void tellDevices(io, store, groupId, pid).catch(() => {}),
    }),
    roomDomain({ boards, identities }),
    floorDomain(),
    formatDomain(new Formats({ store, io, now })),
    lobbyDomain(),
    seatDomain(),
    mediaDomain({ media, iceServers: () => iceServersFor(mediaConfig, now()) }),
    journalDomain({
      journals: new Journals(store, now),
      groups,
      identities,
      now,
      trustedProxies: config.limits.trustedProxies,
    }),
    inviteDomain({ groups, now }),
    careDomain(),
    celebrateDomain({ io, now }),
    attendanceDomain({
      store,
      io,
      now,
      trustedProxies: config.limits.trustedProxies,
      onAsk: (groupId) => void facilitation.publish(groupId),
    }),
    listingDomain({ groups, now }),
    buddyDomain({ buddies, groups, identities }),
    e2eeDomain({ io, now }),
  ] as const;
  for (const domain of domains) {
    if (domain.attach) rooms.onLoad(domain.attach);
    if (domain.routes) laterRoutes.use(domain.routes);
  }
  const execute = dispatcher({
    rooms,
    handlers: mergeHandlers(domains) satisfies CompleteHandlerTable,
    join: (socket, session, p) => join({ groups, identities, rooms, now, buddies }, socket, session, p),
    allows: (groupId, pid, event) => exercises.allows(groupId, pid, event),
    done: (room, before, actor, event, data) => facilitation.record(room, before, actor, event, data),
  });
  const socketsGone = domains.flatMap((d) => (d.socketGone ? [d.socketGone] : []));
  const routes = routing({
    cluster,
    io,
    groups,
    buddyGroupOf: (token) => buddies.groupOf(token),
    execute,
    async gone(groupId, pid, socketId) {
      for (const socketGone of socketsGone) socketGone(groupId, socketId);
      const room = await rooms.get(groupId);
      if (room) await disconnected(room, pid, socketId);
    },
  });
  attachSockets(
    { io, log, now, routing: routes },
    { rateLimitPerSec: config.rateLimitPerSec, limits: config.limits },
  );
  if (cluster) {
    // A node that stalled past its lease must stop acting for the room; the new owner has it.
    cluster.onLost((groupId) => rooms.drop(groupId));
    // A meeting that ended (or a group deleted) leaves no lease behind.
    rooms.onLoad((room) => room.onEnd(() => cluster.release(room.id)));
  }

  await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
  const port = (http.address() as AddressInfo).port;
  log.info({ port, store: store.kind }, 'circle listening');

  return {
    http,
    port,
    store,
    media,
    fairness,
    retention,
    async close() {
      // First drain: clients finish what they sent, then reconnect (to another node behind the balancer).
      await ops.drain();
      await ops.close();
      await cluster?.close();
      rooms.dispose();
      for (const domain of domains) await domain.close?.();
      await store.close();
      await Promise.all([adapterPub, adapterSub].map((c) => c && closeRedis(c)));
    },
  };
}
