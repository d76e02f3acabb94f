import { afterEach, describe, expect, it } from 'vitest';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { filesHolding } from './support/canary.js';
import { waitUntil } from './support/ports.js';
import { everyValue, startRedis, type RedisProcess } from './support/redis.js';
import { spawnServer, TEST_SECRET, type ServerProcess } from './support/server.js';

/** Revocation across nodes, and what Redis keeps: several server processes sharing one real Redis. */
describe('revocation on several nodes', () => {
  let redis: RedisProcess;
  const nodes: ServerProcess[] = [];
  const people: Joined[] = [];
  const join = async (port: number, link: string, name: string, identity?: string) => {
    const j = await joinAs(port, link, name, identity);
    people.push(j);
    return j;
  };
  async function twoNodes() {
    redis = await startRedis();
    for (let i = 0; i < 2; i++)
      nodes.push(await spawnServer({ REDIS_URL: redis.url, CIRCLE_SECRET: TEST_SECRET }));
    return nodes as [ServerProcess, ServerProcess];
  }
  afterEach(async () => {
    for (const p of people.splice(0)) p.socket.close();
    for (const n of nodes.splice(0)) await n.stop();
    await redis?.stop();
  });

  it('sending someone to the lobby detaches every tab of theirs, on every node', async () => {
    const [a, b] = await twoNodes();
    const g = await createGroup(a.port, { e2ee: false });
    const fran = await join(a.port, g.links.facilitator, 'Fran');
    const onA = await join(a.port, g.links.member, 'Ana');
    const onB = await join(b.port, g.links.member, 'Ana', onA.identity);
    const ben = await join(b.port, g.links.member, 'Ben');
    // Ben's arrival reaches Ana's tabs through Redis after his join is answered: both have it before we
    // listen, so what is heard from here on is only what came after.
    await waitUntil(() =>
      [onA, onB].every((t) => t.view()?.participants.some((p) => p.pid === ben.pid) === true),
    );
    const heard: string[] = [];
    for (const tab of [onA, onB])
      tab.socket.onAny((event: string, ...args: unknown[]) => heard.push(`${event} ${JSON.stringify(args)}`));

    await ok(fran.socket, 'moderation:toLobby', { pid: onA.pid, message: '' });
    await ok(ben.socket, 'chat:send', { text: 'I relapsed last week' });
    await ok(fran.socket, 'floor:give', { pid: ben.pid });
    // Barriers on both of Ana's connections: whatever was broadcast before has arrived by now.
    await Promise.all([onA, onB].map((t) => call(t.socket, 'chat:history', {})));
    expect(
      heard.filter((e) => /relapsed|room:(state|patch)|Ben/.test(e)).map((e) => e.slice(0, 300)),
    ).toEqual([]);
  });

  it('nothing anyone says or is called is written to Redis', async () => {
    const [a, b] = await twoNodes();
    const g = await createGroup(a.port, { e2ee: false });
    const fran = await join(a.port, g.links.facilitator, 'Fran');
    const ana = await join(b.port, g.links.member, 'Ana');
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    const delivered = new Promise<void>((r) =>
      ana.socket.on('chat:message', (m) => m.text?.includes(canary) && r()),
    );
    await ok(fran.socket, 'chat:send', { text: `${canary} said in the circle` });
    await ok(ana.socket, 'chat:whisper', { text: `${canary} a private word` });
    await ok(fran.socket, 'moderation:nudge', { pid: ana.pid, text: `${canary} a nudge` });
    await delivered;

    // Every value of every key, whatever its type, as Redis holds it now.
    expect((await everyValue(redis.url)).filter((v) => v.includes(canary))).toEqual([]);
    // And the append-only file on disk, which records every write command as it came (the group's are there).
    expect(filesHolding(redis.dir, g.groupId).length).toBeGreaterThan(0);
    expect(filesHolding(redis.dir, canary)).toEqual([]);
  });
});
