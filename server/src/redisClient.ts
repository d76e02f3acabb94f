import type { Redis } from 'ioredis';
import { within } from './deadline.js';

/**
 * How long a closing node waits for Redis to answer its last commands. Our clients never give up on a
 * command (`maxRetriesPerRequest: null`: it waits out a Redis restart), so without a bound a node told to
 * stop while Redis is away would wait for it forever.
 */
export const REDIS_CLOSE_MS = 1_000;

/**
 * Closes a client: QUIT is answered after every command sent before it, so nothing still awaited is cut
 * off; if Redis does not answer in time, the connection is dropped and what was still waiting is rejected
 * (to whoever awaits it). Resolves once the client has ended: those rejections have happened by then.
 */
export async function closeRedis(client: Redis, ms = REDIS_CLOSE_MS): Promise<void> {
  if (client.status === 'ready') await within(client.quit(), ms).catch(() => undefined);
  if (client.status === 'end') return;
  // Between two attempts to reach Redis there is no connection whose closing would end the client.
  const connected = client.status !== 'reconnecting';
  const ended = new Promise<void>((r) => client.once('end', () => r()));
  client.disconnect();
  if (connected) await within(ended, ms).catch(() => undefined);
}

/**
 * For a library that sends commands it never awaits (Socket.IO's Redis adapter publishes, subscribes and
 * unsubscribes so): when one of these fails because the connection was dropped (Redis away while the node
 * closes), the failure is marked as handled instead of surfacing as an unhandled rejection, which crashes
 * an in-process server. Whoever does await the command still sees it fail.
 */
export function toleratingFireAndForget(client: Redis, commands: readonly string[]): Redis {
  const c = client as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of commands) {
    const send = c[name];
    if (typeof send !== 'function') throw new Error(`ioredis has no command ${name}`);
    c[name] = (...args: unknown[]) => {
      const result = send.apply(client, args);
      if (result instanceof Promise) result.catch(() => undefined);
      return result;
    };
  }
  return client;
}
