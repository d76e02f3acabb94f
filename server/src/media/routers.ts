import type { types } from 'mediasoup';
import { AppError } from '../errors.js';

export const MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 600 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];

interface Extra {
  router: types.Router;
  /** Producers already piped here from the main router: each one once, whatever the number of consumers. */
  piped: Map<string, Promise<void>>;
}

export const workerOf = (router: types.Router) => router.appData.worker as types.Worker;

/**
 * The routers of one meeting. Producers, the audio-level observer and small meetings live on the main
 * router; once the main router carries `spreadAt` receivers, receivers go to the meeting's least loaded
 * router, and the meeting takes a router on each other worker of the node as it grows, so one large
 * meeting is not capped by one worker (a core). A producer reaches another router through mediasoup's
 * `pipeToRouter` (a pipe transport pair inside the node), the first time a receiver there consumes it.
 */
export class MeetingRouters {
  private readonly extras: Extra[] = [];

  private constructor(
    readonly main: types.Router,
    private readonly workers: () => types.Worker[],
    private readonly spreadAt: number,
  ) {}

  static async create(worker: types.Worker, workers: () => types.Worker[], spreadAt: number) {
    return new MeetingRouters(await newRouter(worker), workers, spreadAt);
  }

  all(): types.Router[] {
    return [this.main, ...this.extras.map((e) => e.router)].filter((r) => !r.closed);
  }

  usesWorker(pid: number): boolean {
    return [this.main, ...this.extras.map((e) => e.router)].some((r) => workerOf(r).pid === pid);
  }

  /** Where a new receive transport goes; `receivers` counts the meeting's receive transports on a router. */
  async forReceiver(receivers: (router: types.Router) => number): Promise<types.Router> {
    if (receivers(this.main) < this.spreadAt) return this.main;
    const used = new Set(this.all().map((r) => workerOf(r).pid));
    const free = this.workers().find((w) => !w.closed && !used.has(w.pid));
    if (free) {
      const router = await newRouter(free);
      this.extras.push({ router, piped: new Map() });
      return router;
    }
    return this.all().reduce((best, r) => (receivers(r) < receivers(best) ? r : best));
  }

  /** Makes a producer of the main router consumable on `router` (a no-op for the main router itself). */
  async reach(producerId: string, router: types.Router): Promise<void> {
    const extra = this.extras.find((e) => e.router === router);
    if (!extra) return;
    let piped = extra.piped.get(producerId);
    if (!piped) {
      piped = this.main.pipeToRouter({ producerId, router }).then(({ pipeProducer }) => {
        // The pipe closes with the producer (mediasoup closes the pipe pair's consumer and producer).
        pipeProducer?.observer.on('close', () => extra.piped.delete(producerId));
      });
      extra.piped.set(producerId, piped);
      // A producer that closed on the way: the next consumer may try again, and this one is told so.
      piped.catch(() => extra.piped.delete(producerId));
    }
    await piped.catch(() => {
      throw new AppError('NOT_FOUND');
    });
  }

  close() {
    for (const r of [this.main, ...this.extras.map((e) => e.router)]) if (!r.closed) r.close();
  }
}

function newRouter(worker: types.Worker) {
  return worker.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { worker } });
}
