import type { webcrypto } from 'node:crypto';
import { KeyManager } from '../../../client/src/e2ee/keys/KeyManager.js';
import { ok, type Joined, type TestSocket } from './client.js';
import { waitUntil } from './ports.js';

/** Every key-exchange event a socket receives, in order: what a cut-off browser could still learn. */
export function listen(socket: TestSocket) {
  const got: { event: string; data: unknown }[] = [];
  socket.onAny((event: string, data: unknown) => {
    if (event.startsWith('e2ee:')) got.push({ event, data });
  });
  return got;
}

export const keysOfEpoch = (got: ReturnType<typeof listen>, epoch: number) =>
  got.filter((e) => e.event === 'e2ee:key' && (e.data as { epoch: number }).epoch >= epoch);

declare global {
  // The browser's key code (client/src/e2ee/keys/) names WebCrypto's CryptoKey, which Node's types keep
  // under node:crypto: the same object, so the tests run that very code over real sockets.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CryptoKey extends webcrypto.CryptoKey {}
}

/**
 * A person's browser in the key exchange: the client's own KeyManager (real WebCrypto) over a real socket.
 * As key holder it answers `e2ee:rekey` the way the room does. `page`: the same page (key pair and keys)
 * on a new connection, as after a reconnect.
 */
export async function keysFor(j: Joined, page?: KeyManager) {
  const transport = {
    publish: (key: string, have: number) => ok(j.socket, 'e2ee:publish', { key, have }),
    wrap: async (epoch: number, wraps: { to: string; device: string; iv: string; key: string }[]) =>
      void (await ok(j.socket, 'e2ee:wrap', { epoch, wraps })),
  };
  const manager = page ?? (await KeyManager.create(j.pid, transport));
  j.socket.on('e2ee:state', (s) => manager.state(s));
  j.socket.on('e2ee:peer', (p) => manager.peer(p));
  // A refused wrap (someone left meanwhile, a newer epoch) is followed by a new order, as in the room.
  j.socket.on('e2ee:rekey', (order) => void manager.rekey(order).catch(() => undefined));
  j.socket.on('e2ee:key', (w) => void manager.receive(w));
  await manager.join(transport);
  return manager;
}

/** Waits until every manager holds the same current epoch (later than `beyond`), and returns it. */
export async function agreed(people: KeyManager[], beyond = 0, timeoutMs = 10_000): Promise<number> {
  let epoch = 0;
  await waitUntil(
    () => {
      const epochs = people.map((p) => p.keys.current?.epoch ?? -1);
      epoch = epochs[0]!;
      return (
        epoch > beyond && epochs.every((e) => e === epoch) && people.every((p) => p.code?.epoch === epoch)
      );
    },
    timeoutMs,
    'everyone on one epoch',
  );
  return epoch;
}
