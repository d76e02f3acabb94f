import type { ErrorCode } from '@circle/shared';
import { clientEventSchemas, ERROR_CODES } from '@circle/shared';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Server, Socket } from 'socket.io';
import type { MediaService } from '../media/service.js';
import { consumersOn } from './mediasoup.js';

/** Process-wide metrics (CPU, memory, GC, event-loop lag): one set per process, however many servers run in it. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    // Event-loop lag comes from monitorEventLoopDelay (nodejs_eventloop_lag_p50/p90/p99_seconds...).
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

const KNOWN_EVENTS = new Set<string>(Object.keys(clientEventSchemas));
const RESULTS = new Set<string>(ERROR_CODES);

/** What an ack said, as a bounded label: `ok` or one of the closed set of error codes. */
function resultOf(value: unknown): 'ok' | ErrorCode {
  const v = value as { ok?: unknown; error?: unknown } | null;
  if (v?.ok === true) return 'ok';
  return typeof v?.error === 'string' && RESULTS.has(v.error) ? (v.error as ErrorCode) : 'INTERNAL';
}

/**
 * Head counts are reported in steps of COARSE_STEP, rounded up: enough to size and balance nodes, not enough
 * to follow one group. A small group's attendance (who came this week: 6 or 7?) or the moment one person
 * joins or leaves must not be readable from a dashboard, a scrape stored for months, or a leaked Grafana.
 * What no count can hide is that a node is busy at all (its CPU time shows that too), so metrics are served
 * only on a loopback port or behind a token, and never carry per-group labels.
 */
export const COARSE_STEP = 10;
export const coarse = (n: number) => Math.ceil(n / COARSE_STEP) * COARSE_STEP;

/**
 * This node's Prometheus metrics. Labels are only event names from the contract, result codes and worker
 * pids: never anything a person chose (names, text, ids), so the metrics hold nothing about anyone.
 */
export class Metrics {
  private readonly registry = new Registry();
  private readonly events: Counter<'event' | 'result'>;
  private readonly handling: Histogram<'event'>;
  // Every command of every room is counted and timed: the labelled children are looked up once, not
  // hashed from their labels on each event.
  private readonly counted = new Map<string, { inc(): void }>();
  private readonly timed = new Map<string, { observe(v: number): void }>();

  constructor(deps: { io: Server; media: () => MediaService | undefined; draining: () => boolean }) {
    const registers = [this.registry];
    processMetrics();
    this.events = new Counter({
      name: 'circle_events_total',
      help: 'Client events handled, by event name and result (ok or error code)',
      labelNames: ['event', 'result'],
      registers,
    });
    this.handling = new Histogram({
      name: 'circle_event_duration_seconds',
      help: 'Time from receiving a client event to sending its ack',
      labelNames: ['event'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });

    const adapterRooms = () => deps.io.of('/').adapter.rooms;
    new Gauge({
      name: 'circle_rooms',
      help: `Meetings with at least one person connected to this node, rounded up to a multiple of ${COARSE_STEP}`,
      registers,
      collect() {
        const groups = new Set<string>();
        for (const name of adapterRooms().keys())
          if (name.startsWith('p:')) groups.add(name.slice(2, name.lastIndexOf(':')));
        this.set(coarse(groups.size));
      },
    });
    new Gauge({
      name: 'circle_participants',
      help: `People (in a meeting or its lobby) connected to this node, rounded up to a multiple of ${COARSE_STEP}`,
      registers,
      collect() {
        let n = 0;
        for (const name of adapterRooms().keys()) if (name.startsWith('p:')) n++;
        this.set(coarse(n));
      },
    });
    new Gauge({
      name: 'circle_connections',
      help: `Open Socket.IO connections on this node, rounded up to a multiple of ${COARSE_STEP}`,
      registers,
      collect() {
        this.set(coarse(deps.io.engine.clientsCount));
      },
    });
    new Gauge({
      name: 'circle_draining',
      help: '1 while this node is shutting down and moving its clients elsewhere',
      registers,
      collect() {
        this.set(deps.draining() ? 1 : 0);
      },
    });

    // mediasoup: CPU time of each worker (rate() of it is the share of a core) and its open consumers.
    // One reading serves every collector of a scrape; a dead worker makes the reading empty that time.
    let usage: { at: number; list: Promise<{ pid: number; cpuSeconds: number }[]> } | null = null;
    const readUsage = () => {
      if (!usage || performance.now() - usage.at > 1000) {
        const media = deps.media();
        const list = (media ? media.usage().catch(() => []) : Promise.resolve([])).then((all) =>
          all.map(({ pid, usage: u }) => ({ pid, cpuSeconds: (u.ru_utime + u.ru_stime) / 1000 })),
        );
        usage = { at: performance.now(), list };
      }
      return usage.list;
    };
    const seen = new Map<number, number>();
    new Counter({
      name: 'circle_mediasoup_worker_cpu_seconds_total',
      help: 'CPU time used by each mediasoup worker (user + system)',
      labelNames: ['worker'],
      registers,
      async collect() {
        const now = await readUsage();
        for (const pid of seen.keys())
          if (!now.some((w) => w.pid === pid)) {
            seen.delete(pid);
            this.remove({ worker: String(pid) });
          }
        for (const { pid, cpuSeconds } of now) {
          const delta = cpuSeconds - (seen.get(pid) ?? 0);
          if (delta > 0) this.inc({ worker: String(pid) }, delta);
          seen.set(pid, cpuSeconds);
        }
      },
    });
    new Gauge({
      name: 'circle_mediasoup_consumers',
      help: `Open mediasoup consumers on each worker, rounded up to a multiple of ${COARSE_STEP}`,
      labelNames: ['worker'],
      registers,
      collect() {
        this.reset();
        for (const pid of deps.media()?.workerPids() ?? [])
          this.set({ worker: String(pid) }, coarse(consumersOn(pid)));
      },
    });
    new Gauge({
      name: 'circle_mediasoup_workers',
      help: 'mediasoup workers answering on this node',
      registers,
      async collect() {
        this.set((await readUsage()).length);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text Prometheus scrapes: this server's metrics, then the process's. */
  async text(): Promise<string> {
    return (await this.registry.metrics()) + (await processMetrics().metrics());
  }

  /** Counts an event answered without reaching a handler (unknown name, or refused while draining). */
  count(event: string, result: 'ok' | ErrorCode | 'no_ack') {
    this.tally(KNOWN_EVENTS.has(event) ? event : 'unknown', result);
  }

  private tally(event: string, result: string) {
    const key = `${event} ${result}`;
    let child = this.counted.get(key);
    if (!child) this.counted.set(key, (child = this.events.labels({ event, result })));
    child.inc();
  }

  private time(event: string, seconds: number) {
    let child = this.timed.get(event);
    if (!child) this.timed.set(event, (child = this.handling.labels({ event })));
    child.observe(seconds);
  }

  /**
   * Wraps a socket's acks so every handled event is counted with its result and timed. `onStart` may
   * refuse an event (returns false) or return a function called once it is answered.
   */
  instrument(socket: Socket, onStart: (event: string, ack: (v: unknown) => void) => (() => void) | false) {
    socket.use((packet, next) => {
      const name = packet[0];
      const last = packet.length > 1 ? packet[packet.length - 1] : undefined;
      // Unknown names are answered by the connection's catch-all before this runs.
      if (typeof name !== 'string' || !KNOWN_EVENTS.has(name)) {
        this.count('unknown', typeof last === 'function' ? 'BAD_REQUEST' : 'no_ack');
        return next();
      }
      if (typeof last !== 'function') {
        this.count(name, 'no_ack');
        return next();
      }
      const ack = last as (v: unknown) => void;
      const end = onStart(name, ack);
      if (!end) return; // refused and answered by onStart; no handler runs
      const started = performance.now();
      packet[packet.length - 1] = (value: unknown) => {
        end();
        this.tally(name, resultOf(value));
        this.time(name, (performance.now() - started) / 1000);
        ack(value);
      };
      next();
    });
  }
}
