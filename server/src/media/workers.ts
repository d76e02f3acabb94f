import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaConfig } from './config.js';
import { loadMediasoup } from './workerBin.js';

type Mediasoup = NonNullable<Awaited<ReturnType<typeof loadMediasoup>>>;
/** The WebRtcServer every transport on this worker listens through. */
export function webRtcServerOf(worker: types.Worker): types.WebRtcServer {
  const server = worker.appData.webRtcServer as types.WebRtcServer | undefined;
  if (!server) throw new Error('worker without a WebRtcServer');
  return server;
}

/**
 * One mediasoup worker per core, each with one WebRtcServer (one UDP and one TCP port). A worker that
 * dies is replaced at once; rooms that lived on it hear `replaced` and rebuild their router on the new one.
 */
export class WorkerPool extends EventEmitter<{ replaced: [dead: types.Worker, fresh: types.Worker] }> {
  private workers: types.Worker[] = [];
  private next = 0;
  private closing = false;

  private constructor(
    private readonly ms: Mediasoup,
    private readonly config: MediaConfig,
    private readonly log: Logger,
  ) {
    super();
  }

  static async start(config: MediaConfig, log: Logger): Promise<WorkerPool | null> {
    const ms = await loadMediasoup();
    if (!ms) {
      log.warn('no mediasoup worker binary: run scripts/mediasoup-worker.sh; media is off');
      return null;
    }
    const pool = new WorkerPool(ms, config, log);
    for (let i = 0; i < config.workers; i++) pool.workers.push(await pool.spawn(i));
    return pool;
  }

  /** Round-robin: rooms spread evenly over the cores. */
  pick(): types.Worker {
    const w = this.workers[this.next % this.workers.length]!;
    this.next++;
    return w;
  }

  /** The workers alive now (a dead one is gone until its replacement is up). */
  live(): types.Worker[] {
    return this.workers.filter((w) => !w.closed);
  }

  pids(): number[] {
    return this.workers.map((w) => w.pid);
  }

  async usage() {
    return Promise.all(this.workers.map(async (w) => ({ pid: w.pid, usage: await w.getResourceUsage() })));
  }

  close() {
    this.closing = true;
    for (const w of this.workers) w.close();
  }

  private async spawn(index: number): Promise<types.Worker> {
    const worker = await this.ms.createWorker({ logLevel: 'warn', disableLiburing: true });
    worker.on('died', () => void this.replace(index, worker));
    // One UDP and one TCP port per worker, whatever the number of transports: a replacement worker takes
    // the same port back (the dead one's sockets died with it).
    const { listenIp: ip, announcedAddress, basePort } = this.config;
    // Port 0 (tests): any free port, picked by mediasoup.
    const port = basePort ? { port: basePort + index } : { portRange: { min: 10000, max: 59999 } };
    try {
      worker.appData.webRtcServer = await worker.createWebRtcServer({
        listenInfos: [
          { protocol: 'udp', ip, announcedAddress, ...port },
          { protocol: 'tcp', ip, announcedAddress, ...port },
        ],
      });
    } catch (err) {
      worker.close();
      throw err;
    }
    return worker;
  }

  private async replace(index: number, dead: types.Worker) {
    if (this.closing) return;
    this.log.error({ workerPid: dead.pid }, 'mediasoup worker died; replacing it');
    const fresh = await this.spawn(index).catch((err: unknown) => {
      // Its port may still be held; the rooms on it stay without media rather than the process crashing.
      this.log.error({ workerPid: dead.pid, err: String(err) }, 'could not replace a mediasoup worker');
      return null;
    });
    if (!fresh) return;
    this.workers[index] = fresh;
    this.emit('replaced', dead, fresh);
  }
}
