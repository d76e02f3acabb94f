import type { MediaView } from '@circle/shared';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { closedConsumers, consume, publishMic } from './support/media.js';
import { freePort, waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { spawnServer, type ServerProcess } from './support/server.js';

const workersOf = (pid: number) =>
  execFileSync('pgrep', ['-P', String(pid), '-f', 'mediasoup-worker'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);

describe('media with two nodes sharing Redis', () => {
  let redis: RedisProcess;
  const nodes: ServerProcess[] = [];
  const people: Joined[] = [];
  let a: ServerProcess, b: ServerProcess;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, CIRCLE_MEDIA: 'on', MEDIASOUP_WORKERS: '1' };
    // Each node's worker has its own media port.
    a = await spawnServer({ ...env, CIRCLE_MEDIA_PORT: String(await freePort()) });
    b = await spawnServer({ ...env, CIRCLE_MEDIA_PORT: String(await freePort()) });
    nodes.push(a, b);
  }, 60_000);
  afterAll(async () => {
    for (const p of people) p.socket.close();
    for (const n of nodes) await n.stop();
    await redis?.stop();
  });

  it('cuts off the media of a member on the other node who is sent to the lobby, within 1 s', async () => {
    const g = await createGroup(a.port);
    const fran = await joinAs(a.port, g.links.facilitator, 'Fran'); // node A owns the meeting and its router
    const ana = await joinAs(b.port, g.links.member, 'Ana');
    people.push(fran, ana);
    const anaClosed = closedConsumers(ana.socket);
    const franClosed = closedConsumers(fran.socket);
    const franMic = await publishMic(fran, 7);
    const anaMic = await publishMic(ana, 8);
    const anaHearsFran = await consume(ana, franMic.producerId);
    const franHearsAna = await consume(fran, anaMic.producerId);

    const since = Date.now();
    await ok(fran.socket, 'moderation:toLobby', { pid: ana.pid, message: '' });
    await waitUntil(
      () => anaClosed.has(anaHearsFran.consumerId) && franClosed.has(franHearsAna.consumerId),
      3_000,
      "Ana's media closed across nodes",
    );
    expect(Date.now() - since).toBeLessThanOrEqual(1_000);
    expect(await call(ana.socket, 'media:transport', { direction: 'recv' })).toEqual({
      ok: false,
      error: 'NOT_ADMITTED',
    });
  });

  it("serves a member on the other node from the meeting's router, across a worker death and a node death", async () => {
    const g = await createGroup(a.port);
    const fran = await joinAs(a.port, g.links.facilitator, 'Fran'); // node A owns the meeting and its router
    const ana = await joinAs(b.port, g.links.member, 'Ana');
    people.push(fran, ana);
    const franMedia: MediaView[] = [];
    fran.socket.on('media:state', (v) => franMedia.push(v));
    const hasTrack = (id: string) => franMedia.at(-1)?.tracks.some((t) => t.producerId === id) === true;

    // Ana's signalling goes through node B to the router on node A.
    const first = await publishMic(ana, 1);
    await waitUntil(() => hasTrack(first.producerId), 5_000, "Fran sees Ana's microphone");

    // The router's worker dies: node A replaces it and tells everyone, on both nodes, to start over.
    const restarted = new Promise<void>((r) => ana.socket.once('media:restart', () => r()));
    for (const pid of workersOf(a.child.pid!)) process.kill(pid, 'SIGKILL');
    await restarted;
    const second = await publishMic(ana, 2);
    await waitUntil(() => hasTrack(second.producerId), 5_000, 'Ana published again after the worker death');

    // Node A dies: the meeting (and a new router) moves to node B.
    await a.kill9();
    const fran2 = await joinAs(b.port, g.links.facilitator, 'Fran', fran.identity);
    people.push(fran2);
    const moved: MediaView[] = [];
    fran2.socket.on('media:state', (v) => moved.push(v));
    const third = await publishMic(ana, 3);
    await ok(fran2.socket, 'media:join', {});
    await waitUntil(
      () => moved.at(-1)?.tracks.some((t) => t.producerId === third.producerId) === true,
      10_000,
    );
    expect(moved.at(-1)!.tracks).toHaveLength(1);
  }, 60_000);
});
