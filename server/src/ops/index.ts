import { Router, type Request } from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Server } from 'socket.io';
import type { MetricsExposure } from '../config.js';
import { sameSecret } from '../http/secrets.js';
import type { MediaService } from '../media/service.js';
import type { Store } from '../store/index.js';
import { begin, settled } from './inflight.js';
import { watchConsumers } from './mediasoup.js';
import { Metrics } from './metrics.js';
import { within } from '../deadline.js';

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
  /** Where /metrics may be read (by default: nowhere but a loopback port, if one is set). */
  metrics: MetricsExposure;
}

/**
 * Operations for one node: /readyz, /metrics, instrumented events, and the drain that a graceful shutdown
 * starts with. /healthz (liveness) stays in the HTTP app: it answers as long as the process does.
 */
export class Ops {
  readonly routes = Router();
  private draining = false;
  private readonly metrics: Metrics;
  /** The metrics-only listener (CIRCLE_METRICS_PORT), when there is one. */
  private metricsServer?: HttpServer;

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
    // Metrics say how busy a node is and when; they are for the operator, not for whoever reaches the site.
    // On the main port only with the bearer token; otherwise they are not there at all (a plain 404).
    const token = deps.metrics.token;
    if (token)
      this.routes.get('/metrics', async (req, res) => {
        if (!bearerMatches(req, token)) return void res.status(401).json({ error: 'FORBIDDEN' });
        res.set('content-type', this.metrics.contentType).send(await this.metrics.text());
      });
  }

  /** The metrics-only listener's port, once listening (a test may ask for port 0). */
  get metricsPort(): number | undefined {
    return (this.metricsServer?.address() as AddressInfo | null)?.port;
  }

  /** Its own port, loopback by default: a Prometheus beside the node reads it, the internet cannot. */
  private async listenForMetrics(port: number, host: string) {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.metricsServer = server;
  }

  /** Stops the metrics listener; call last, once the node has drained. */
  async close(): Promise<void> {
    const server = this.metricsServer;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Call before the mediasoup workers start, so their consumers are counted. */
  static async start(deps: OpsDeps): Promise<Ops> {
    if (deps.mediaWanted) await watchConsumers();
    const ops = new Ops(deps);
    if (deps.metrics.port !== undefined) await ops.listenForMetrics(deps.metrics.port, deps.metrics.host);
    return ops;
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

/** `Authorization: Bearer <token>`, compared in constant time. */
function bearerMatches(req: Request, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && sameSecret(given, token);
}
