import { loadMediasoup } from '../media/workerBin.js';

/** Open consumers per mediasoup worker pid, followed through mediasoup's own observer events. */
const consumers = new Map<number, number>();
let watching: Promise<boolean> | undefined;

/**
 * Starts counting consumers on every worker this process creates from now on. Must run before the
 * workers start (it also resolves the worker binary, like the pool does). Once per process.
 */
export function watchConsumers(): Promise<boolean> {
  watching ??= (async () => {
    const ms = await loadMediasoup();
    if (!ms) return false;
    ms.observer.on('newworker', (worker) => {
      const pid = worker.pid;
      consumers.set(pid, 0);
      worker.observer.once('close', () => consumers.delete(pid));
      worker.observer.on('newrouter', (router) =>
        router.observer.on('newtransport', (transport) =>
          transport.observer.on('newconsumer', (consumer) => {
            consumers.set(pid, (consumers.get(pid) ?? 0) + 1);
            consumer.observer.once('close', () => {
              const n = consumers.get(pid);
              if (n !== undefined) consumers.set(pid, n - 1);
            });
          }),
        ),
      );
    });
    return true;
  })();
  return watching;
}

export function consumersOn(workerPid: number): number {
  return consumers.get(workerPid) ?? 0;
}
