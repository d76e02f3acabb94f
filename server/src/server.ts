import type { ClientToServerEvents, ServerToClientEvents } from '@circle/shared';
import { LIMITS } from '@circle/shared';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { Router } from 'express';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { systemClock, type Clock } from './clock.js';
import { Cluster } from './cluster/Cluster.js';
import { serveForwarded } from './cluster/route.js';
import type { Config } from './config.js';
import { Groups } from './groups/service.js';
import { createApp } from './http/app.js';
import type { Fairness } from './fairness/aggregator.js';
import { attachFacilitation } from './meeting/attach.js';
import { Exercises } from './exercise/service.js';
import { Identities } from './identity/service.js';
import { DeviceCodes } from './identity/deviceCodes.js';
import { deviceRoutes, tellDevices } from './identity/http.js';
import { insideWithOldLink } from './invite/stillInside.js';
import { Boards } from './board/service.js';
import { loadMediaConfig } from './media/config.js';
import { MediaService } from './media/service.js';
import { iceServersFor } from './media/turn.js';
import { WorkerPool } from './media/workers.js';
import { Ops } from './ops/index.js';
import { Retention } from './retention/sweep.js';
import { RoomRegistry } from './room/registry.js';
import { attachSockets } from './socket/connection.js';
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

  // Filled in once Socket.IO exists: meeting data routes (absence notices, attendance export).
  const laterRoutes = Router();
  const app = createApp({
    groups,
    clientDir: config.clientDir,
    corsOrigins: config.corsOrigins,
    now,
    stillInside: (token, identity) => insideWithOldLink({ groups, identities, store }, token, identity),
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
  const adapterPub = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: null }) : null;
  const adapterSub = adapterPub?.duplicate() ?? null;
  for (const c of [adapterPub, adapterSub]) c?.on('error', () => {});
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
  rooms.onLoad((room) => boards.attach(room));
  const exercises = new Exercises({ store, io, clock });
  rooms.onLoad((room) => exercises.attach(room));
  const retention = new Retention({
    store,
    groups,
    identities,
    boards,
    now,
    log,
    intervalMs: config.sweepIntervalMs,
  });
  rooms.onLoad((room) => retention.attach(room));
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
  const facilitation = attachFacilitation({ store, io, groups, identities, rooms, now, media });
  laterRoutes.use(facilitation.routes);
  laterRoutes.use(
    deviceRoutes({
      groups,
      identities,
      codes: deviceCodes,
      now,
      trustedProxies: config.limits.trustedProxies,
      onAdded: (groupId, pid) => void tellDevices(io, store, groupId, pid).catch(() => {}),
    }),
  );
  const services = {
    ...facilitation.services,
    io,
    groups,
    identities,
    deviceCodes,
    rooms,
    log,
    now,
    media,
    mediaIceServers: () => iceServersFor(mediaConfig, now()),
    boards,
    cluster,
    exercises,
  };
  if (media) {
    media.setPublishPolicy((groupId, pid) => exercises.mayPublish(groupId, pid));
    exercises.onChange((groupId) => media.resync(groupId));
  }
  attachSockets(services, { rateLimitPerSec: config.rateLimitPerSec, limits: config.limits });
  if (cluster) {
    serveForwarded(services);
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
    fairness: facilitation.services.fairness,
    retention,
    async close() {
      // First drain: clients finish what they sent, then reconnect (to another node behind the balancer).
      await ops.drain();
      await ops.close();
      facilitation.services.fairness.close();
      await cluster?.close();
      rooms.dispose();
      boards.dispose();
      exercises.dispose();
      media?.close();
      await retention.stop();
      await store.close();
      adapterPub?.disconnect();
      adapterSub?.disconnect();
    },
  };
}
