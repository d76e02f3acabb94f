import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import type { MediaConfig } from './config.js';
import { loadMediasoup } from './workerBin.js';

type Mediasoup = NonNullable<Awaited<ReturnType<typeof loadMediasoup>>>;

/**
 * One mediasoup worker per core. A worker that dies is replaced at once; rooms that lived on it hear
 * `replaced` and rebuild their router on the new one.
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
    return worker;
  }

  private async replace(index: number, dead: types.Worker) {
    if (this.closing) return;
    this.log.error({ workerPid: dead.pid }, 'mediasoup worker died; replacing it');
    const fresh = await this.spawn(index);
    this.workers[index] = fresh;
    this.emit('replaced', dead, fresh);
  }
}
