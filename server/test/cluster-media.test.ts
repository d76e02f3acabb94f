import type { MediaView } from '@circle/shared';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createGroup, joinAs, ok, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { spawnServer, type ServerProcess } from './support/server.js';

const opus = (ssrc: number) => ({
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
  encodings: [{ ssrc }],
  rtcp: { cname: `c${ssrc}` },
});

async function publishMic(j: Joined, ssrc: number) {
  await ok(j.socket, 'media:join', {});
  const t = await ok(j.socket, 'media:transport', { direction: 'send' });
  return ok(j.socket, 'media:produce', {
    transportId: t.id,
    kind: 'audio',
    source: 'mic',
    rtpParameters: opus(ssrc),
  });
}

const workersOf = (pid: number) =>
  execFileSync('pgrep', ['-P', String(pid), '-f', 'mediasoup-worker'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);

describe('media with two nodes sharing Redis', () => {
  let redis: RedisProcess;
  const nodes: ServerProcess[] = [];
  const people: Joined[] = [];
  afterAll(async () => {
    for (const p of people) p.socket.close();
    for (const n of nodes) await n.stop();
    await redis?.stop();
  });

  it("serves a member on the other node from the meeting's router, across a worker death and a node death", async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, CIRCLE_MEDIA: 'on', MEDIASOUP_WORKERS: '1' };
    const a = await spawnServer(env);
    const b = await spawnServer({ ...env, MEDIASOUP_MIN_PORT: '45000', MEDIASOUP_MAX_PORT: '45999' });
    nodes.push(a, b);
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
