import type { Server } from 'socket.io';

/**
 * Work a node must let finish before it shuts down: client events being handled and the handling of
 * dropped connections. Kept per Socket.IO server (a test process may run several servers).
 */
const pending = new WeakMap<Server, Set<Promise<unknown>>>();

function setOf(io: Server) {
  let set = pending.get(io);
  if (!set) pending.set(io, (set = new Set()));
  return set;
}

/** Remembers `work` until it settles; returns it unchanged. */
export function track<T>(io: Server, work: Promise<T>): Promise<T> {
  const set = setOf(io);
  set.add(work);
  const done = () => set.delete(work);
  work.then(done, done);
  return work;
}

/** Counts one unit of work by hand (an event whose end is its ack); call the returned function once. */
export function begin(io: Server): () => void {
  let end!: () => void;
  void track(io, new Promise<void>((resolve) => (end = resolve)));
  return end;
}

/** Resolves once everything tracked now (and anything it starts meanwhile) has settled, or at the deadline. */
export async function settled(io: Server, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const set = setOf(io);
  while (set.size) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...set]), new Promise((r) => (timer = setTimeout(r, left)))]);
    clearTimeout(timer);
  }
  return true;
}
