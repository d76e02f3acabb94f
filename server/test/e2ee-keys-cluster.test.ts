import { afterEach, describe, expect, it } from 'vitest';
import { barrier, call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { agreed, keysFor, listen } from './support/e2ee.js';
import { everyValue, startRedis, type RedisProcess } from './support/redis.js';
import { spawnServer, TEST_SECRET, type ServerProcess } from './support/server.js';

/** The key exchange over two server processes sharing one real Redis. */
describe('e2ee keys on several nodes', () => {
  let redis: RedisProcess;
  const nodes: ServerProcess[] = [];
  const people: Joined[] = [];
  const join = async (port: number, link: string, name: string, identity?: string) => {
    const j = await joinAs(port, link, name, identity);
    people.push(j);
    return j;
  };
  afterEach(async () => {
    for (const p of people.splice(0)) p.socket.close();
    for (const n of nodes.splice(0)) await n.stop();
    await redis?.stop();
  });

  it('a member removed on another node gets no key of the next epoch, in any tab; Redis keeps no key', async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i++)
      nodes.push(await spawnServer({ REDIS_URL: redis.url, CIRCLE_SECRET: TEST_SECRET }));
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const g = await createGroup(a.port);
    const fran = await join(a.port, g.links.facilitator, 'Fran');
    const anaOnB = await join(b.port, g.links.member, 'Ana');
    const anaOnA = await join(a.port, g.links.member, 'Ana', anaOnB.identity);
    const ben = await join(b.port, g.links.member, 'Ben');
    const kf = await keysFor(fran);
    const [ka, kb] = await Promise.all([keysFor(anaOnB), keysFor(ben)]);
    const before = await agreed([kf, ka, kb]);
    const heard = [listen(anaOnB.socket), listen(anaOnA.socket)];

    await ok(fran.socket, 'moderation:remove', { pid: anaOnB.pid });
    const after = await agreed([kf, kb], before);
    expect((await call(anaOnB.socket, 'e2ee:publish', { key: ka.publicKey })).ok).toBe(false);
    await Promise.all([barrier(anaOnB.socket), barrier(anaOnA.socket)]);
    expect(heard.flat()).toEqual([]);
    expect(ka.keys.get(after)).toBeUndefined();
    expect(kb.code!.code).toEqual(kf.code!.code);

    // Public keys and wrapped keys only ever pass through Redis pub/sub: nothing of them is stored.
    const values = await everyValue(redis.url);
    for (const key of [kf.publicKey, ka.publicKey, kb.publicKey])
      expect(values.filter((v) => v.includes(key))).toEqual([]);
  });

  it('when the room’s node dies, the node that takes it over has every browser publish again and a new epoch made', async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i++)
      nodes.push(await spawnServer({ REDIS_URL: redis.url, CIRCLE_SECRET: TEST_SECRET }));
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const g = await createGroup(a.port);
    const oscar = await join(a.port, g.links.observer, 'Oscar'); // node A owns the room from here
    const fran = await join(b.port, g.links.facilitator, 'Fran');
    const ana = await join(b.port, g.links.member, 'Ana');
    const kf = await keysFor(fran);
    const ka = await keysFor(ana);
    const ko = await keysFor(oscar);
    const before = await agreed([kf, ka, ko]);

    await a.kill9();
    // Oscar comes back through node B (what a load balancer does), which takes the room over.
    const oscar2 = await join(b.port, g.links.observer, 'Oscar', oscar.identity);
    const ko2 = await keysFor(oscar2);
    const after = await agreed([kf, ka, ko2], before, 15_000);
    expect(after).toBeGreaterThan(before);
    expect(ka.code!.code).toEqual(kf.code!.code);
  });
});
