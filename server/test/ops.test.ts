import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { COARSE_STEP } from '../src/ops/metrics.js';
import type { RunningServer } from '../src/server.js';
import {
  call,
  connect,
  createGroup,
  joinAs,
  ok,
  seatedGroup,
  tokenOf,
  type Joined,
} from './support/client.js';
import { postJson } from './support/meeting.js';
import { freePort, waitUntil } from './support/ports.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { inProcess } from './support/server.js';

const get = (srv: RunningServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${srv.port}${path}`, { headers });

/** Metrics are served on the main port only to the operator's bearer token (or on their own port). */
const METRICS_TOKEN = 'operator-metrics-token-0123456789';
const withMetrics = { metrics: { host: '127.0.0.1', token: METRICS_TOKEN } };
const scrape = async (srv: RunningServer) =>
  (await get(srv, '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })).text();

/** One sample of a metric from the Prometheus text, e.g. value(text, 'circle_rooms'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('operations: readiness, metrics, logs', () => {
  const servers: RunningServer[] = [];
  const sockets: Joined[] = [];
  let redis: RedisProcess | undefined;
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.socket.close();
    for (const s of servers.splice(0)) await s.close();
    await redis?.stop();
    redis = undefined;
    delete process.env.MEDIASOUP_WORKERS;
  });

  it('is live at /healthz and ready at /readyz only while its store answers', async () => {
    redis = await startRedis();
    const srv = await inProcess({ redisUrl: redis.url });
    servers.push(srv);
    expect((await get(srv, '/healthz')).status).toBe(200);
    const ready = await get(srv, '/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, node: 'ok', store: 'ok', media: 'off' });

    await redis.stop();
    const down = await get(srv, '/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ready: false, store: 'failed' });
    expect((await get(srv, '/healthz')).status).toBe(200); // alive, just not ready

    await redis.restart();
    await waitUntil(async () => (await get(srv, '/readyz')).status === 200, 10_000, 'ready again');
  });

  // A node told to stop while Redis is away: it must neither wait for Redis forever (our commands wait out a
  // Redis restart) nor leave a command it sent to reject unhandled when it lets go (main.ts tolerates that
  // while stopping; an in-process server, as in these tests, or anything embedding it would crash).
  for (const away of ['stopped', 'not answering'] as const)
    it(`closes within seconds while Redis is ${away}, nothing it sent rejecting unhandled`, async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      try {
        redis = await startRedis();
        const srv = await inProcess({ redisUrl: redis.url });
        if (away === 'stopped') await redis.stop();
        else {
          // Redis holds every client's commands unanswered for longer than the node waits for them.
          const admin = new Redis(redis.url);
          await admin.call('CLIENT', 'PAUSE', '10000', 'ALL');
          admin.disconnect();
        }
        const started = Date.now();
        await srv.close();
        // Well within the 15 s main.ts gives a node to drain before it exits anyway.
        expect(Date.now() - started).toBeLessThan(8_000);
        // Rejections are reported once the microtasks and ticks after close have run: two turns of the loop.
        for (let i = 0; i < 2; i++) await new Promise((r) => setImmediate(r));
        expect(unhandled.map((r) => (r instanceof Error ? r.message : String(r)))).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
    });

  it('is ready with media only while its mediasoup workers answer, and counts their consumers and CPU', async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    const srv = await inProcess({ media: true, ...withMetrics });
    servers.push(srv);
    expect(await (await get(srv, '/readyz')).json()).toMatchObject({ ready: true, media: 'ok' });

    const { ana, ben } = await seatedGroup(srv.port, { facilitators: ['Ana'], members: ['Ben'] });
    sockets.push(ana, ben);
    const { routerRtpCapabilities } = await ok(ana.socket, 'media:join', {});
    const send = await ok(ana.socket, 'media:transport', { direction: 'send' });
    const { producerId } = await ok(ana.socket, 'media:produce', {
      transportId: send.id,
      kind: 'audio',
      source: 'mic',
      rtpParameters: {
        codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
        encodings: [{ ssrc: 1111 }],
        rtcp: { cname: 'a' },
      },
    });
    await ok(ben.socket, 'media:join', {});
    await ok(ben.socket, 'media:transport', { direction: 'recv' });
    await ok(ben.socket, 'media:consume', { producerId, rtpCapabilities: routerRtpCapabilities });

    const [pid] = srv.media!.workerPids();
    const text = await scrape(srv);
    expect(value(text, 'circle_mediasoup_workers')).toBe(1);
    expect(value(text, `circle_mediasoup_consumers{worker="${pid}"}`)).toBe(COARSE_STEP); // 1, rounded up
    expect(value(text, `circle_mediasoup_worker_cpu_seconds_total{worker="${pid}"}`)).toBeGreaterThan(0);

    // A dead worker is replaced, and the node is ready again.
    process.kill(pid!, 'SIGKILL');
    await waitUntil(
      async () => srv.media!.workerPids()[0] !== pid && (await get(srv, '/readyz')).status === 200,
      10_000,
      'the worker to be replaced and the node ready again',
    );
  });

  it('counts rooms, people, connections (coarsely) and every event by name and result', async () => {
    const srv = await inProcess(withMetrics);
    servers.push(srv);
    const g = await createGroup(srv.port);
    const fac = await joinAs(srv.port, g.links.facilitator, 'Fran');
    const mo = await joinAs(srv.port, g.links.member, 'Mo');
    const tab = await joinAs(srv.port, g.links.member, 'Mo', mo.identity); // a second tab: one person
    sockets.push(fac, mo, tab);
    await ok(mo.socket, 'floor:raise', {});
    await call(mo.socket, 'floor:give', { pid: fac.pid }); // FORBIDDEN for a member
    await call(mo.socket, 'floor:give', { pid: 42 }); // BAD_REQUEST
    await call(mo.socket, 'no:such:event' as 'floor:raise', {});

    const text = await scrape(srv);
    // 1 room, 2 people, 3 connections: each rounded up to a multiple of COARSE_STEP.
    expect(value(text, 'circle_rooms')).toBe(COARSE_STEP);
    expect(value(text, 'circle_participants')).toBe(COARSE_STEP);
    expect(value(text, 'circle_connections')).toBe(COARSE_STEP);
    expect(value(text, 'circle_events_total{event="room:join",result="ok"}')).toBe(3);
    expect(value(text, 'circle_events_total{event="floor:raise",result="ok"}')).toBe(1);
    expect(value(text, 'circle_events_total{event="floor:give",result="FORBIDDEN"}')).toBe(1);
    expect(value(text, 'circle_events_total{event="floor:give",result="BAD_REQUEST"}')).toBe(1);
    expect(value(text, 'circle_events_total{event="unknown",result="BAD_REQUEST"}')).toBe(1);
    expect(value(text, 'circle_event_duration_seconds_count{event="floor:raise"}')).toBe(1);
    // Process metrics, event-loop lag among them.
    expect(value(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('never logs what anyone is called, says or writes (nor their links)', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const srv = await inProcess(withMetrics, pino({ level: 'trace' }, sink));
    servers.push(srv);

    const secrets = [
      'Zorblaxmeadow', // group name
      'Quillfeatherpact', // declaration
      'Xanthippe', // names
      'Vortigern',
      'Ozymandiasbean', // chat
      'Whisperwillow', // private word
      'Nudgeplumtree', // facilitator's nudge
      'Lobbyturnip', // note on sending someone to the lobby
      'Wintergreenbalance', // board title
      'Unknowneventfig',
    ];
    const g = await createGroup(srv.port, {
      // Words in clear, so the logs could hold them (an encrypted group takes only sealed ones).
      e2ee: false,
      name: 'Zorblaxmeadow circle',
      declaration: 'Quillfeatherpact: what is said here stays here.',
    });
    const fac = await joinAs(srv.port, g.links.facilitator, 'Xanthippe');
    const mo = await joinAs(srv.port, g.links.member, 'Vortigern');
    sockets.push(fac, mo);
    secrets.push(...Object.values(g.links).map(tokenOf), fac.identity, mo.identity);

    await ok(mo.socket, 'floor:raise', {});
    await ok(fac.socket, 'floor:next', {});
    await call(fac.socket, 'chat:toggle', { on: true });
    await call(mo.socket, 'chat:send', { text: 'Ozymandiasbean is what I keep thinking about' });
    await call(mo.socket, 'chat:whisper', { text: 'Whisperwillow: I need a moment' });
    await call(fac.socket, 'chat:whisper', { to: mo.pid, text: 'Whisperwillow, take your time' });
    await call(fac.socket, 'moderation:nudge', { pid: mo.pid, text: 'Nudgeplumtree, please wrap up' });
    await call(mo.socket, 'board:create', { title: 'Wintergreenbalance' });
    // Refusals carry the same content: bad payloads, unknown events, a bad join.
    await call(mo.socket, 'chat:send', { text: 'Ozymandiasbean'.repeat(200) });
    await call(mo.socket, 'floor:give', { pid: 'Xanthippe', extra: 'Vortigern' });
    await call(mo.socket, 'Unknowneventfig' as 'floor:raise', { name: 'Xanthippe' });
    const stranger = connect(srv.port);
    await call(stranger, 'room:join', {
      token: tokenOf(g.links.member),
      name: 'Vortigern'.repeat(10),
      accept: true,
      declarationVersion: 1,
    });
    stranger.close();
    await call(fac.socket, 'moderation:toLobby', { pid: mo.pid, message: 'Lobbyturnip for a minute' });
    await call(fac.socket, 'meeting:close', {});
    await postJson(srv.port, '/api/invite', { token: tokenOf(g.links.member) });

    const metrics = await scrape(srv);
    await srv.close();
    servers.length = 0;

    const log = lines.join('');
    // The capture works: the server did log (start-up, the drain at shutdown).
    expect(log).toContain('"msg":"circle listening"');
    expect(log).toContain('"msg":"drained"');
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    for (const secret of secrets) {
      expect(log, `log output contains ${secret}`).not.toContain(secret);
      expect(metrics, `metrics contain ${secret}`).not.toContain(secret);
    }
  });

  it('serves /metrics to nobody on the main port by default: only on its own port or to the bearer token', async () => {
    const plain = await inProcess();
    servers.push(plain);
    expect((await get(plain, '/metrics')).status).toBe(404);

    const withToken = await inProcess(withMetrics);
    servers.push(withToken);
    expect((await get(withToken, '/metrics')).status).toBe(401);
    for (const authorization of [
      'Bearer wrong',
      `Bearer ${METRICS_TOKEN}x`,
      METRICS_TOKEN,
      `Basic ${METRICS_TOKEN}`,
    ])
      expect((await get(withToken, '/metrics', { authorization })).status, authorization).toBe(401);
    expect(await scrape(withToken)).toContain('circle_connections');

    const port = await freePort();
    const ownPort = await inProcess({ metrics: { ...loadConfig({}).metrics, port } });
    servers.push(ownPort);
    expect((await get(ownPort, '/metrics')).status).toBe(404);
    const own = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('circle_connections');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404); // metrics only
  });

  it('shows nothing that tells how many came to a small group, nor which group', async () => {
    const srv = await inProcess(withMetrics);
    servers.push(srv);
    const g = await createGroup(srv.port);
    const gauges = (text: string) =>
      ['circle_rooms', 'circle_participants', 'circle_connections'].map((m) => value(text, m));
    sockets.push(await joinAs(srv.port, g.links.facilitator, 'Fran'));
    sockets.push(await joinAs(srv.port, g.links.member, 'Ana'));
    const twoPeople = await scrape(srv);
    for (const name of ['Ben', 'Cy', 'Dee']) sockets.push(await joinAs(srv.port, g.links.member, name));
    const fivePeople = await scrape(srv);
    expect(gauges(fivePeople)).toEqual(gauges(twoPeople));
    expect(fivePeople).not.toContain(g.groupId);
  });
});
