import { describe, expect, it } from 'vitest';
import { barrier, call, ok } from './support/client.js';
import { agreed, keysFor, keysOfEpoch, listen } from './support/e2ee.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

/*
 * One person, two connections (two tabs, or a phone added for the camera: room/AddDevice.tsx): both share
 * one pid, each has its own key pair, and each must get the media key wrapped for itself alone.
 */
describe('e2ee keys: a person on two devices', () => {
  const s = serverPerTest();

  it('both connections of one person receive the same epoch’s key, each only its own wrap', async () => {
    await s.start();
    const { g, fran, ana } = await s.seated({ facilitators: ['Fran'], members: ['Ana'] });
    const phone = await s.join(g.links.member, 'Ana', ana.identity);
    expect(phone.pid).toBe(ana.pid);
    const heardTab = listen(ana.socket);
    const heardPhone = listen(phone.socket);
    const kf = await keysFor(fran);
    const [ka, kp] = await Promise.all([keysFor(ana), keysFor(phone)]);
    const epoch = await agreed([kf, ka, kp]);
    expect(Buffer.from(ka.keys.get(epoch)!.raw).equals(Buffer.from(kp.keys.get(epoch)!.raw))).toBe(true);

    await Promise.all([barrier(ana.socket), barrier(phone.socket)]);
    const tab = keysOfEpoch(heardTab, epoch);
    const onPhone = keysOfEpoch(heardPhone, epoch);
    // Exactly one wrap each, and not the same one: the other device's wrap never reaches this connection.
    expect(tab).toHaveLength(1);
    expect(onPhone).toHaveLength(1);
    expect(tab[0]!.data).not.toEqual(onPhone[0]!.data);
  });

  it('a removed person’s both connections get no key of the epochs that follow', async () => {
    await s.start();
    const { g, fran, ana, ben } = await s.seated({ facilitators: ['Fran'], members: ['Ana', 'Ben'] });
    const phone = await s.join(g.links.member, 'Ana', ana.identity);
    const kf = await keysFor(fran);
    const [ka, kp, kb] = await Promise.all([keysFor(ana), keysFor(phone), keysFor(ben)]);
    const before = await agreed([kf, ka, kp, kb]);
    const heardTab = listen(ana.socket);
    const heardPhone = listen(phone.socket);

    await ok(fran.socket, 'moderation:remove', { pid: ana.pid });
    const after = await agreed([kf, kb], before);
    // Ben reloads his page: one more epoch, still without either of Ana's devices.
    const kb2 = await keysFor(ben);
    const latest = await agreed([kf, kb2], after);

    await Promise.all([barrier(ana.socket), barrier(phone.socket)]);
    expect(keysOfEpoch(heardTab, after)).toEqual([]);
    expect(keysOfEpoch(heardPhone, after)).toEqual([]);
    for (const k of [ka, kp]) {
      expect(k.keys.get(after)).toBeUndefined();
      expect(k.keys.get(latest)).toBeUndefined();
    }
  });

  it('a device that closes drops its key: its person keeps getting keys on the other device', async () => {
    await s.start();
    const { g, fran, ana } = await s.seated({ facilitators: ['Fran'], members: ['Ana'] });
    const phone = await s.join(g.links.member, 'Ana', ana.identity);
    const kf = await keysFor(fran);
    const [ka, kp] = await Promise.all([keysFor(ana), keysFor(phone)]);
    const before = await agreed([kf, ka, kp]);
    phone.socket.close();
    await waitUntil(async () => {
      const st = await ok(fran.socket, 'e2ee:publish', { key: kf.publicKey });
      return st.devices[ana.pid]?.join() === ka.publicKey;
    });
    // Ana reloads her tab (a new key pair): the new epoch reaches it, and still counts one device of hers.
    const ka2 = await keysFor(ana);
    const after = await agreed([kf, ka2], before);
    expect(kp.keys.get(after)).toBeUndefined();
    const { peers, devices } = await ok(fran.socket, 'e2ee:publish', { key: kf.publicKey });
    expect(peers[ana.pid]).toBe(ka2.publicKey);
    expect(devices[ana.pid]).toEqual([ka2.publicKey]);
  });

  it('a wrap for a connection that is not the named person’s reaches nobody; a fifth device gets no key', async () => {
    await s.start();
    const { g, fran, ana, ben } = await s.seated({ facilitators: ['Fran'], members: ['Ana', 'Ben'] });
    const kf = await keysFor(fran);
    await agreed([kf, await keysFor(ana), await keysFor(ben)]);
    const heard = [listen(ana.socket), listen(ben.socket)];
    // The holder learns connection ids from its rekey orders; one of Ana's, addressed as Ben's, is refused.
    const orders: { epoch: number; devices: { pid: string; device: string }[] }[] = [];
    fran.socket.on('e2ee:rekey', (o) => orders.push(o));
    await keysFor(await s.join(g.links.member, 'Ana', ana.identity));
    await waitUntil(() => orders.length > 0);
    const { epoch, devices } = orders.at(-1)!;
    const anas = devices.find((d) => d.pid === ana.pid)!.device;
    const ack = await call(fran.socket, 'e2ee:wrap', {
      epoch,
      wraps: [{ to: ben.pid, device: anas, iv: 'A'.repeat(16), key: 'A'.repeat(64) }],
    });
    expect(ack).toEqual({ ok: false, error: 'NOT_FOUND' });
    await Promise.all([barrier(ana.socket), barrier(ben.socket)]);
    const junk = heard
      .flatMap((h) => keysOfEpoch(h, epoch))
      .filter((e) => (e.data as { iv: string }).iv === 'A'.repeat(16));
    expect(junk).toEqual([]);

    // Two more of Ana's connections publish (four in all); the fifth is refused.
    for (let i = 0; i < 2; i++) await keysFor(await s.join(g.links.member, 'Ana', ana.identity));
    const fifth = await s.join(g.links.member, 'Ana', ana.identity);
    const ack5 = await call(fifth.socket, 'e2ee:publish', { key: kf.publicKey });
    expect(ack5).toEqual({ ok: false, error: 'LIMIT' });
  });
});
