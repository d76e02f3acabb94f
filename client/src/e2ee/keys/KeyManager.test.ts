import { describe, expect, it } from 'vitest';
import type { E2eeState } from '@circle/shared';
import { Rng } from '@circle/shared/random';
import { KeyManager } from './KeyManager';
import {
  fromBase64url,
  makeKeyPair,
  pairKeyFrom,
  sharedSecret,
  unwrapMediaKey,
  wrapMediaKey,
  wrappingKey,
  type WrappedKey,
} from './wrap';

type Delivery = { to: string; epoch: number; from: string; fromKey: string } & WrappedKey;

/**
 * A stand-in for the server, as unit tests may use: public keys of the admitted, one key holder, an epoch
 * per rekey, and wrapped keys queued for delivery (the network may then drop and reorder them).
 */
class FakeRoom {
  readonly people = new Map<string, KeyManager>();
  readonly admitted = new Set<string>();
  readonly queue: Delivery[] = [];
  epoch = 0;
  holder: KeyManager | null = null;

  async add(pid: string): Promise<KeyManager> {
    const { admitted, queue } = this;
    const state = (key: string) => this.state(pid, key);
    const epoch = () => this.epoch;
    const manager: KeyManager = await KeyManager.create(pid, {
      async publish(key) {
        admitted.add(pid);
        return state(key);
      },
      async wrap(asked, wraps) {
        if (asked !== epoch()) throw new Error('STALE');
        for (const w of wraps) if (!admitted.has(w.to)) throw new Error('NOT_FOUND');
        for (const w of wraps) queue.push({ ...w, epoch: asked, from: pid, fromKey: manager.publicKey });
      },
    });
    this.people.set(pid, manager);
    await manager.join();
    this.holder ??= manager;
    return manager;
  }

  cut(pid: string) {
    this.admitted.delete(pid);
    this.people.get(pid)!.clear();
  }

  /** The server's order to the holder: a new epoch for everyone admitted with a key but the holder. */
  async rekey(): Promise<number> {
    this.epoch += 1;
    const devices = [...this.admitted]
      .filter((pid) => pid !== this.holder!.pid)
      .map((pid) => ({ pid, device: `device-${pid}`, key: this.people.get(pid)!.publicKey }));
    await this.holder!.rekey({ epoch: this.epoch, devices });
    return this.epoch;
  }

  private state(pid: string, key: string): E2eeState {
    const peers = Object.fromEntries(
      [...this.admitted].map((p) => [p, this.people.get(p)?.publicKey ?? key]),
    );
    const devices = Object.fromEntries(Object.entries(peers).map(([p, k]) => [p, [k]]));
    return {
      enabled: true,
      fallback: 'no-media',
      holder: this.holder?.pid ?? pid,
      epoch: this.epoch,
      peers,
      devices,
    };
  }
}

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

/** Waits for the verification codes, computed asynchronously on every new key, to catch up. */
async function settle(...people: KeyManager[]) {
  for (let i = 0; i < 200; i++) {
    if (people.every((p) => (p.code?.epoch ?? null) === (p.keys.current?.epoch ?? null))) return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('key wrapping', () => {
  it('a wrapped key opens only for its recipient, its epoch and its sender', async () => {
    const [holder, ana, ben] = await Promise.all([makeKeyPair(), makeKeyPair(), makeKeyPair()]);
    const forAna = await wrappingKey(await sharedSecret(holder.privateKey, ana.publicKey));
    const anaSide = await wrappingKey(await sharedSecret(ana.privateKey, holder.publicKey));
    const benSide = await wrappingKey(await sharedSecret(ben.privateKey, holder.publicKey));
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const ad = { epoch: 7, from: 'fran', to: 'ana' };
    const wrapped = await wrapMediaKey(forAna, raw, ad);
    expect(same(await unwrapMediaKey(anaSide, wrapped, ad), raw)).toBe(true);
    expect(fromBase64url(wrapped.key)).toHaveLength(48);
    // Replayed to Ben, or as another epoch, or as if from someone else: it does not open.
    await expect(unwrapMediaKey(benSide, wrapped, { ...ad, to: 'ben' })).rejects.toThrow();
    await expect(unwrapMediaKey(anaSide, wrapped, { ...ad, to: 'ben' })).rejects.toThrow();
    await expect(unwrapMediaKey(anaSide, wrapped, { ...ad, epoch: 8 })).rejects.toThrow();
    await expect(unwrapMediaKey(anaSide, wrapped, { ...ad, from: 'gil' })).rejects.toThrow();
  });

  it('the private key cannot be exported; a pair key is the same on both sides and nobody else’s', async () => {
    const [ana, ben, cy] = await Promise.all([makeKeyPair(), makeKeyPair(), makeKeyPair()]);
    await expect(crypto.subtle.exportKey('pkcs8', ana.privateKey)).rejects.toThrow();
    const ab = await pairKeyFrom(await sharedSecret(ana.privateKey, ben.publicKey), 'ana', 'ben');
    const ba = await pairKeyFrom(await sharedSecret(ben.privateKey, ana.publicKey), 'ben', 'ana');
    const cb = await pairKeyFrom(await sharedSecret(cy.privateKey, ben.publicKey), 'ana', 'ben');
    const iv = new Uint8Array(12);
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, ab, new TextEncoder().encode('hi'));
    expect(new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, ba, sealed))).toBe(
      'hi',
    );
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, cb, sealed)).rejects.toThrow();
  });

  it('a server that slips its own public key in shows the deceived person another verification code', async () => {
    const room = new FakeRoom();
    const fran = await room.add('fran');
    const ana = await room.add('ana');
    await room.rekey();
    for (const d of room.queue.splice(0)) await room.people.get(d.to)!.receive(d);
    await settle(fran, ana);
    expect(ana.code!.code).toEqual(fran.code!.code);

    // The server told Fran that its own key is Ana's, and told Ana that another of its keys is Fran's.
    const asAna = await makeKeyPair();
    const asFran = await makeKeyPair();
    room.epoch += 1;
    await fran.rekey({
      epoch: room.epoch,
      devices: [{ pid: 'ana', device: 'device-ana', key: asAna.publicKey }],
    });
    const [toServer] = room.queue.splice(0);
    const stolen = await unwrapMediaKey(
      await wrappingKey(await sharedSecret(asAna.privateKey, fran.publicKey)),
      toServer!,
      { epoch: room.epoch, from: 'fran', to: 'ana' },
    );
    const ad = { epoch: room.epoch, from: 'fran', to: 'ana' };
    const rewrapped = await wrapMediaKey(
      await wrappingKey(await sharedSecret(asFran.privateKey, ana.publicKey)),
      stolen,
      ad,
    );
    expect(await ana.receive({ ...rewrapped, ...ad, fromKey: asFran.publicKey })).toBe(true);
    await settle(fran, ana);
    expect(same(ana.keys.current!.raw, fran.keys.current!.raw)).toBe(true);
    expect(ana.code!.epoch).toBe(fran.code!.epoch);
    expect(ana.code!.code).not.toEqual(fran.code!.code);
  });
});

describe('rekeying with seeded random drops and reorders', () => {
  for (const seed of [1, 2, 3, 17, 42, 1234]) {
    it(`seed ${seed}: nobody holds an epoch not wrapped for them; keys and codes agree; epochs only grow`, async () => {
      const rng = new Rng(seed);
      const room = new FakeRoom();
      await room.add('fac');
      /** The epochs each person may hold: made while they were admitted. */
      const allowed = new Map<string, Set<number>>();
      const holderKeys = new Map<number, Uint8Array>();
      let n = 0;
      for (let step = 0; step < 40; step++) {
        const members = [...room.admitted].filter((p) => p !== 'fac');
        const roll = rng.float();
        if (roll < 0.3 || members.length === 0) {
          const pid = `m${++n}`;
          await room.add(pid);
          allowed.set(pid, new Set());
        } else if (roll < 0.5) {
          room.cut(rng.pick(members));
        }
        const epoch = await room.rekey();
        holderKeys.set(epoch, room.holder!.keys.get(epoch)!.raw);
        for (const pid of room.admitted) allowed.get(pid)?.add(epoch);
        // The network: some deliveries are lost, the rest arrive in any order, some of them later (even
        // after their recipient was cut off: the worst case, which must still not give a later epoch).
        const now = rng.shuffle(room.queue.splice(0)).filter(() => !rng.chance(0.2));
        const later = now.filter(() => rng.chance(0.3));
        room.queue.push(...later);
        for (const d of now.filter((d) => !later.includes(d))) {
          const person = room.people.get(d.to)!;
          const before = person.keys.current?.epoch ?? 0;
          await person.receive(d);
          expect(person.keys.current?.epoch ?? 0).toBeGreaterThanOrEqual(before);
        }
        await settle(...room.people.values());
        for (const [pid, person] of room.people) {
          if (pid === 'fac') continue;
          const current = person.keys.current;
          if (!current) continue;
          expect(allowed.get(pid)!.has(current.epoch)).toBe(true);
          expect(same(current.raw, holderKeys.get(current.epoch))).toBe(true);
          if (!room.admitted.has(pid)) continue;
          if (current.epoch === room.holder!.keys.current!.epoch)
            expect(person.code?.code).toEqual(room.holder!.code?.code);
        }
      }
    });
  }

  it('a stale order (a newer one came while wrapping) sends nothing and keeps no key', async () => {
    const room = new FakeRoom();
    const fac = await room.add('fac');
    const ana = await room.add('ana');
    const devices = [{ pid: 'ana', device: 'device-ana', key: ana.publicKey }];
    room.epoch = 5;
    await expect(fac.rekey({ epoch: 4, devices })).rejects.toThrow('STALE');
    expect(fac.keys.get(4)).toBeUndefined();
    await fac.rekey({ epoch: 5, devices });
    expect(fac.keys.current?.epoch).toBe(5);
    // An older order arriving late is ignored.
    await fac.rekey({ epoch: 3, devices });
    expect(fac.keys.current?.epoch).toBe(5);
  });
});
