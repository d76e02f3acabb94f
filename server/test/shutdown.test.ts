import type { JoinResult, RoomView } from '@circle/shared';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, createGroup, ok, tokenOf, track, type TestSocket } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { spawnServer, type ServerProcess } from './support/server.js';

/**
 * A TCP load balancer like nginx with proxy_next_upstream: each connection goes to the first node that
 * accepts it. A draining node stops accepting, so its clients' reconnections land on the next one.
 */
async function balancer(ports: number[]): Promise<{ port: number; close(): void }> {
  const open = new Set<Socket>();
  const server: Server = createServer((downstream) => {
    open.add(downstream);
    downstream.pause();
    const tryNode = (i: number) => {
      if (i >= ports.length) return downstream.destroy();
      const upstream = createConnection(ports[i]!, '127.0.0.1');
      upstream.once('error', () => tryNode(i + 1));
      upstream.once('connect', () => {
        open.add(upstream);
        upstream.removeAllListeners('error');
        const end = () => (downstream.destroy(), upstream.destroy());
        upstream.on('error', end).on('close', end);
        downstream.on('error', end).on('close', end);
        downstream.pipe(upstream).pipe(downstream);
        downstream.resume();
      });
    };
    tryNode(0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      for (const s of open) s.destroy();
      server.close();
    },
  };
}

/** A client that behaves like the browser: reconnects by itself and joins again with its identity. */
async function person(port: number, link: string, name: string) {
  const socket: TestSocket = connect(port, undefined, { reconnection: true, reconnectionDelay: 200 });
  const tracker = track(socket);
  let me: JoinResult | null = null;
  let joins = 0;
  const disconnects: string[] = [];
  socket.on('disconnect', (reason) => disconnects.push(reason));
  socket.on('connect', () => {
    void ok(socket, 'room:join', {
      token: tokenOf(link),
      name,
      accept: true,
      declarationVersion: 1,
      ...(me ? { identity: me.identity } : {}),
    }).then((r) => {
      me = r;
      joins++;
    });
  });
  await waitUntil(() => joins === 1, 10_000, `${name} to join`);
  return { socket, view: tracker.view, pid: me!.pid, joins: () => joins, disconnects, me: () => me! };
}

const shape = (v: RoomView | null) =>
  v && {
    seats: v.floor.seats,
    holder: v.floor.holder?.pid ?? null,
    queue: v.floor.queue,
    people: v.participants.map((p) => [p.pid, p.role, p.online]),
  };

const METRICS_TOKEN = 'metrics-token-of-the-operator';
async function connectionsOn(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  return Number(/^circle_connections (\d+)$/m.exec(await res.text())?.[1]);
}

describe('graceful shutdown', () => {
  let redis: RedisProcess | undefined;
  const nodes: ServerProcess[] = [];
  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) c();
    for (const n of nodes.splice(0)) await n.stop();
    await redis?.stop();
  });

  it('on SIGTERM drains and exits 0 at once; its clients re-home to the other node with their seats', async () => {
    redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      CIRCLE_SECRET: 'shared-secret-of-both-nodes-0123456789',
      CIRCLE_METRICS_TOKEN: METRICS_TOKEN,
    };
    const a = await spawnServer(env);
    const b = await spawnServer(env);
    nodes.push(a, b);
    const lb = await balancer([a.port, b.port]);
    cleanups.push(lb.close);

    const g = await createGroup(lb.port);
    const fran = await person(lb.port, g.links.facilitator, 'Fran');
    const ana = await person(lb.port, g.links.member, 'Ana');
    const ben = await person(lb.port, g.links.member, 'Ben');
    const everyone = [fran, ana, ben];
    cleanups.push(() => everyone.forEach((p) => p.socket.close()));
    await ok(ana.socket, 'floor:raise', {});
    await ok(ben.socket, 'floor:raise', {});
    await ok(fran.socket, 'floor:next', {});
    await waitUntil(() => fran.view()?.floor.queue.length === 1, 5_000, 'the word given');
    const before = shape(fran.view());
    expect(before).toMatchObject({ holder: ana.pid, queue: [ben.pid] });
    // Connection counts are coarse (rounded up to 10): the clients are on A, none on B.
    expect(await connectionsOn(a.port)).toBe(10);
    expect(await connectionsOn(b.port)).toBe(0);

    const exited = new Promise<number | null>((r) => a.child.once('exit', (code) => r(code)));
    const sent = Date.now();
    a.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - sent).toBeLessThan(5_000);

    // Every client was told to go (its connection closed, not refused) and came back through the balancer.
    await waitUntil(
      () =>
        everyone.every((p) => p.joins() === 2) &&
        everyone.every((p) => p.view()?.participants.every((q) => q.online)),
      10_000,
      'everyone to re-join on the other node',
    );
    for (const p of everyone) {
      expect(p.disconnects).toEqual(['transport close']);
      expect(p.me().pid).toBe(p.pid);
      expect(shape(p.view())).toEqual(before);
    }
    expect(await connectionsOn(b.port)).toBe(10);
    // The room goes on, on the other node.
    await ok(ana.socket, 'floor:done', {});
    await waitUntil(() => fran.view()?.floor.holder?.pid !== ana.pid, 5_000, 'the word handed back');
  });
});
