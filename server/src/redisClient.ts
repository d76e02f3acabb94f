import type { Redis } from 'ioredis';

/**
 * How long a closing node waits for Redis to answer its last commands. Our clients never give up on a
 * command (`maxRetriesPerRequest: null`: it waits out a Redis restart), so without a bound a node told to
 * stop while Redis is away would wait for it forever.
 */
export const REDIS_CLOSE_MS = 1_000;

/** What `p` gives, or undefined if it fails or takes longer than `ms`. */
export async function within<T>(p: Promise<T>, ms = REDIS_CLOSE_MS): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
  try {
    return await Promise.race([p.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes a client: QUIT is answered after every command sent before it, so nothing still awaited is cut
 * off; if Redis does not answer in time, the connection is dropped (what was still waiting is rejected,
 * to whoever awaits it).
 */
export async function closeRedis(client: Redis, ms = REDIS_CLOSE_MS): Promise<void> {
  await within(client.quit(), ms);
  client.disconnect();
}
