import { describe, expect, it } from 'vitest';
import type { KeyManager } from '../../client/src/e2ee/keys/KeyManager.js';
import { barrier, ok } from './support/client.js';
import { agreed, keysFor, keysOfEpoch, listen } from './support/e2ee.js';
import { serverPerTest } from './support/session.js';

const sameKey = (people: KeyManager[], epoch: number) =>
  people.every((p) =>
    Buffer.from(p.keys.get(epoch)!.raw).equals(Buffer.from(people[0]!.keys.get(epoch)!.raw)),
  );

describe('e2ee keys: a meeting without a facilitator still gets its key', () => {
  const s = serverPerTest();

  it('members only: the member present longest holds the key and everyone gets the same epoch', async () => {
    await s.start();
    const { ana, ben, cy } = await s.seated({ members: ['Ana', 'Ben', 'Cy'] });
    // Ana's key first: the holder is chosen among those with a key and then kept (no rekey for nothing), so
    // keys published all at once would let whoever's arrived first hold it (CI saw Ben).
    const first = await keysFor(ana);
    const people = [first, ...(await Promise.all([ben, cy].map((j) => keysFor(j))))];
    const epoch = await agreed(people);
    expect(sameKey(people, epoch)).toBe(true);
    expect(new Set(people.map((p) => p.code!.code.join(''))).size).toBe(1);
    expect((await ok(ben.socket, 'e2ee:publish', { key: people[1]!.publicKey })).holder).toBe(ana.pid);
  });

  it('the facilitator leaves with only members: a member takes over and rekeys without them', async () => {
    await s.start();
    const { fran, ana, ben } = await s.seated({ facilitators: ['Fran'], members: ['Ana', 'Ben'] });
    const kf = await keysFor(fran);
    const [ka, kb] = await Promise.all([keysFor(ana), keysFor(ben)]);
    const before = await agreed([kf, ka, kb]);
    expect((await ok(ben.socket, 'e2ee:publish', { key: kb.publicKey })).holder).toBe(fran.pid);
    const heard = listen(fran.socket);

    await ok(fran.socket, 'room:leave', {});
    const after = await agreed([ka, kb], before);
    expect(after).toBeGreaterThan(before);
    expect((await ok(ben.socket, 'e2ee:publish', { key: kb.publicKey })).holder).toBe(ana.pid);
    expect(sameKey([ka, kb], after)).toBe(true);
    expect(kb.code!.code).toEqual(ka.code!.code);
    await barrier(fran.socket);
    expect(keysOfEpoch(heard, after)).toEqual([]);
    expect(kf.keys.get(after)).toBeUndefined();
  });

  it('a facilitator who arrives takes the key over from a member, with a new epoch for everyone', async () => {
    await s.start();
    const { g, ana, ben } = await s.seated({ members: ['Ana', 'Ben'] });
    const [ka, kb] = await Promise.all([keysFor(ana), keysFor(ben)]);
    const before = await agreed([ka, kb]);
    const fran = await s.join(g.links.facilitator, 'Fran');
    const kf = await keysFor(fran);
    const after = await agreed([kf, ka, kb], before);
    expect(after).toBeGreaterThan(before);
    expect((await ok(ana.socket, 'e2ee:publish', { key: ka.publicKey })).holder).toBe(fran.pid);
    expect(sameKey([kf, ka, kb], after)).toBe(true);
    // The member who held it gets later keys like everyone else.
    expect(ka.code!.code).toEqual(kf.code!.code);
  });

  it('observers alone never hold the key', async () => {
    await s.start();
    const { oscar } = await s.seated({ observers: ['Oscar'] });
    const ko = await keysFor(oscar);
    expect((await ok(oscar.socket, 'e2ee:publish', { key: ko.publicKey })).holder).toBeNull();
    expect(ko.keys.current).toBeFalsy();
  });
});
