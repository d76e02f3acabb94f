import { Router } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { MediaService } from '../media/service.js';
import type { Store } from '../store/index.js';
import { begin, settled } from './inflight.js';
import { watchConsumers } from './mediasoup.js';
import { Metrics } from './metrics.js';

export { track } from './inflight.js';

/** How long each step of a drain may take before the node moves on (the whole drain stays under ~10 s). */
const DRAIN_STEP_MS = 3_000;
const CHECK_TIMEOUT_MS = 1_000;

export interface OpsDeps {
  io: Server;
  http: HttpServer;
  store: Store;
  log: Logger;
  /** Whether media was asked for (CIRCLE_MEDIA); then the node is ready only with its workers up. */
  mediaWanted: boolean;
  /** The media service, once it exists (absent when no worker could start). */
  media: () => MediaService | undefined;
}

/**
 * Operations for one node: /readyz, /metrics, instrumented events, and the drain that a graceful shutdown
 * starts with. /healthz (liveness) stays in the HTTP app: it answers as long as the process does.
 */
export class Ops {
  readonly routes = Router();
  private draining = false;
  private readonly metrics: Metrics;

  private constructor(private readonly deps: OpsDeps) {
    this.metrics = new Metrics({ io: deps.io, media: deps.media, draining: () => this.draining });
    deps.io.on('connection', (socket) =>
      this.metrics.instrument(socket, (event, ack) => {
        if (!this.draining) return begin(deps.io);
        // Shutting down: nothing new starts here; the client sends it again once it has reconnected.
        ack({ ok: false, error: 'UNAVAILABLE' });
        this.metrics.count(event, 'UNAVAILABLE');
        return false;
      }),
    );

    this.routes.get('/readyz', async (_req, res) => {
      const checks = await this.readiness();
      const ready = Object.values(checks).every((c) => c === 'ok' || c === 'off');
      res
        .status(ready ? 200 : 503)
        .set('cache-control', 'no-store')
        .json({ ready, ...checks });
    });
    this.routes.get('/metrics', async (_req, res) => {
      res.set('content-type', this.metrics.contentType).send(await this.metrics.text());
    });
  }

  /** Call before the mediasoup workers start, so their consumers are counted. */
  static async start(deps: OpsDeps): Promise<Ops> {
    if (deps.mediaWanted) await watchConsumers();
    return new Ops(deps);
  }

  /** Ready = not draining, the store answers, and (when media is wanted) every worker answers. */
  async readiness(): Promise<{
    node: 'ok' | 'draining';
    store: 'ok' | 'failed';
    media: 'ok' | 'failed' | 'off';
  }> {
    const [store, media] = await Promise.all([
      within(this.deps.store.get('ops:ready'), CHECK_TIMEOUT_MS).then(
        () => 'ok' as const,
        () => 'failed' as const,
      ),
      this.mediaCheck(),
    ]);
    return { node: this.draining ? 'draining' : 'ok', store, media };
  }

  /**
   * Drains this node before it stops: it stops being ready and stops accepting connections; events being
   * handled finish and are acknowledged (new ones are refused with UNAVAILABLE); then every connection is
   * closed, which a client takes as a dropped network and reconnects (through the load balancer, to another
   * node) with its identity; the handling of those disconnections finishes. The caller then closes the rest.
   */
  async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const { io, http, log } = this.deps;
    const started = Date.now();
    const connections = io.engine.clientsCount;
    http.close(); // no new connections; the ones open stay until closed below
    const eventsDone = await settled(io, DRAIN_STEP_MS);
    // Socket.IO closes every connection (clients see "transport close" and reconnect) and the HTTP server.
    const closed = await within(io.close(), DRAIN_STEP_MS).then(
      () => true,
      () => false,
    );
    if (!closed) http.closeAllConnections();
    const disconnectsDone = await settled(io, DRAIN_STEP_MS);
    log.info(
      { connections, ms: Date.now() - started, complete: eventsDone && closed && disconnectsDone },
      'drained',
    );
  }

  private async mediaCheck(): Promise<'ok' | 'failed' | 'off'> {
    if (!this.deps.mediaWanted) return 'off';
    const media = this.deps.media();
    if (!media) return 'failed';
    const workers = await within(media.usage(), CHECK_TIMEOUT_MS).catch(() => []);
    return workers.length > 0 ? 'ok' : 'failed';
  }
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms))),
  ]).finally(() => clearTimeout(timer));
}
