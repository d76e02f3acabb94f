import type { Server } from 'socket.io';

/**
 * Work a node must let finish before it shuts down: client events being handled and the handling of
 * dropped connections. Kept per Socket.IO server (a test process may run several servers).
 */
const pending = new WeakMap<Server, Set<Promise<unknown>>>();
/** Events begun and not yet answered, and who waits for there to be none. */
const counted = new WeakMap<Server, { open: number; waiting: (() => void)[] }>();

function countOf(io: Server) {
  let c = counted.get(io);
  if (!c) counted.set(io, (c = { open: 0, waiting: [] }));
  return c;
}

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

/**
 * Counts one unit of work by hand (an event whose end is its ack); call the returned function once. A
 * counter, not a promise per event: every client event of every room passes here.
 */
export function begin(io: Server): () => void {
  const c = countOf(io);
  c.open++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--c.open === 0) for (const wake of c.waiting.splice(0)) wake();
  };
}

/** Resolves once everything tracked now (and anything it starts meanwhile) has settled, or at the deadline. */
export async function settled(io: Server, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const set = setOf(io);
  const c = countOf(io);
  while (set.size || c.open) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    let timer: NodeJS.Timeout | undefined;
    const answered = c.open ? new Promise<void>((r) => c.waiting.push(r)) : Promise.resolve();
    await Promise.race([
      Promise.all([Promise.allSettled([...set]), answered]),
      new Promise((r) => (timer = setTimeout(r, left))),
    ]);
    clearTimeout(timer);
  }
  return true;
}
