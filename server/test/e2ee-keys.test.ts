import type { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyManager } from '../../client/src/e2ee/keys/KeyManager.js';
import { ok, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

declare global {
  // The browser's key code (client/src/e2ee/keys/) names WebCrypto's CryptoKey, which Node's types keep
  // under node:crypto: the same object, so this test runs that very code over real sockets.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CryptoKey extends webcrypto.CryptoKey {}
}

/**
 * A person's browser in the key exchange: the client's own KeyManager (real WebCrypto) over a real socket.
 * As key holder it answers `e2ee:rekey` the way the room does.
 */
async function keysFor(j: Joined) {
  const manager = await KeyManager.create(j.pid, {
    publish: (key) => ok(j.socket, 'e2ee:publish', { key }),
    wrap: async (epoch, wraps) => void (await ok(j.socket, 'e2ee:wrap', { epoch, wraps })),
  });
  const wrapErrors: unknown[] = [];
  j.socket.on('e2ee:state', (s) => manager.state(s));
  j.socket.on('e2ee:peer', (p) => manager.peer(p));
  j.socket.on('e2ee:rekey', (order) => void manager.rekey(order).catch((e: unknown) => wrapErrors.push(e)));
  j.socket.on('e2ee:key', (w) => void manager.receive(w));
  await manager.join();
  return manager;
}

/** Waits until every manager holds the same current epoch, and returns it. */
async function agreed(...people: KeyManager[]): Promise<number> {
  let epoch = 0;
  await waitUntil(
    () => {
      const epochs = people.map((p) => p.keys.current?.epoch ?? -1);
      epoch = epochs[0]!;
      return epoch > 0 && epochs.every((e) => e === epoch) && people.every((p) => p.code?.epoch === epoch);
    },
    10_000,
    'everyone on one epoch',
  );
  return epoch;
}

const sameBytes = (a: KeyManager, b: KeyManager, epoch: number) =>
  Buffer.from(a.keys.get(epoch)!.raw).equals(Buffer.from(b.keys.get(epoch)!.raw));

describe('e2ee keys: the server relays wrapped keys it cannot open, to admitted people only', () => {
  const s = serverPerTest();

  it('a facilitator’s browser makes the media key and everyone admitted gets it, with one verification code', async () => {
    await s.start();
    const { fran, ana, oscar } = await s.seated({
      facilitators: ['Fran'],
      members: ['Ana'],
      observers: ['Oscar'],
    });
    const [kf, ka, ko] = await Promise.all([keysFor(fran), keysFor(ana), keysFor(oscar)]);
    const epoch = await agreed(kf, ka, ko);
    expect(sameBytes(kf, ka, epoch) && sameBytes(kf, ko, epoch)).toBe(true);
    expect(ka.code!.code).toEqual(kf.code!.code);
    expect(ko.code!.code).toEqual(kf.code!.code);
  });
});
