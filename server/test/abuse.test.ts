import type { Ack } from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { createGroup, joinAs, type Joined, type TestSocket } from './support/client.js';
import { inProcess } from './support/server.js';

const FLOOD_PER_SEC = 1_000;
const FLOOD_MS = 5_000;
/** A behaviour bound under abuse (on a shared 2-core machine), not a performance target. */
const OTHER_ROOM_P99_MS = 100;

function timedCall(
  socket: TestSocket,
  event: string,
  payload: unknown,
): Promise<{ ack: Ack<unknown>; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) =>
    (socket.emit as (e: string, p: unknown, cb: (a: Ack<unknown>) => void) => void)(event, payload, (ack) =>
      resolve({ ack, ms: performance.now() - t0 }),
    ),
  );
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

describe('abuse', () => {
  let srv: RunningServer;
  let flooder: Joined, fac: Joined, ana: Joined, ben: Joined;
  const people: Joined[] = [];

  beforeAll(async () => {
    srv = await inProcess(); // the default limit: 20 events/s per connection, bursts of 40
    const noisy = await createGroup(srv.port);
    const quiet = await createGroup(srv.port);
    people.push((flooder = await joinAs(srv.port, noisy.links.member, 'Flo')));
    people.push(await joinAs(srv.port, noisy.links.facilitator, 'Fay'));
    people.push((fac = await joinAs(srv.port, quiet.links.facilitator, 'Fran')));
    people.push((ana = await joinAs(srv.port, quiet.links.member, 'Ana')));
    people.push((ben = await joinAs(srv.port, quiet.links.member, 'Ben')));
  });
  afterAll(async () => {
    for (const p of people) p.socket.close();
    await srv.close();
  });

  /** Raise a hand, get the word, finish, in the quiet room: one command every 20 ms, timing each ack. */
  async function quietRoom(ms: number) {
    const latencies: number[] = [];
    const refused: unknown[] = [];
    // Each person stays under the per-connection limit (20/s): at most 2 of every 6 commands are theirs.
    const steps: [Joined, string, unknown][] = [
      [ana, 'floor:raise', {}],
      [fac, 'floor:next', {}],
      [ana, 'floor:done', {}],
      [ben, 'floor:raise', {}],
      [fac, 'floor:next', {}],
      [ben, 'floor:done', {}],
    ];
    const end = performance.now() + ms;
    // Whole cycles only, so the room is back where it started (nobody holding the word) at the end.
    for (let i = 0; i % steps.length !== 0 || performance.now() < end; i++) {
      const [who, event, payload] = steps[i % steps.length]!;
      const { ack, ms: took } = await timedCall(who.socket, event, payload);
      if (!ack.ok) refused.push([event, ack]);
      latencies.push(took);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { latencies, refused };
  }

  it('throttles one client flooding 1,000 commands/s, and the other rooms stay quick', async () => {
    const calm = await quietRoom(1_000);

    const counts: Record<string, number> = {};
    let sent = 0;
    let answered = 0;
    const started = performance.now();
    const flood = (async () => {
      // Keep up 1,000/s on average whatever the timer granularity: send what is due every few ms.
      while (performance.now() - started < FLOOD_MS) {
        const due = Math.floor(((performance.now() - started) / 1000) * FLOOD_PER_SEC);
        for (; sent < due; sent++)
          void timedCall(flooder.socket, sent % 2 ? 'floor:lower' : 'floor:raise', {}).then(({ ack }) => {
            const key = ack.ok ? 'ok' : ack.error;
            counts[key] = (counts[key] ?? 0) + 1;
            answered++;
          });
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const during = await quietRoom(FLOOD_MS - 500);
    await flood;
    const floodSecs = (performance.now() - started) / 1000;
    while (answered < sent) await new Promise((r) => setTimeout(r, 20));

    const p99 = quantile(during.latencies, 0.99);
    console.log(
      `flood: ${sent} sent in ${floodSecs.toFixed(1)} s -> ${JSON.stringify(counts)}; other room ack p50/p99 ` +
        `${quantile(during.latencies, 0.5).toFixed(1)}/${p99.toFixed(1)} ms (calm ${quantile(calm.latencies, 0.99).toFixed(1)} ms)`,
    );
    expect(sent).toBeGreaterThanOrEqual(FLOOD_PER_SEC * (FLOOD_MS / 1000) * 0.9);
    // Only what the limit allows went through (20/s plus the burst of 40, with slack for timing).
    expect(counts.ok ?? 0).toBeLessThanOrEqual(20 * floodSecs + 40 + 20);
    expect(counts.RATE_LIMITED ?? 0).toBeGreaterThan(sent * 0.85);
    expect(Object.keys(counts).every((k) => ['ok', 'RATE_LIMITED', 'CONFLICT'].includes(k))).toBe(true);
    expect(flooder.socket.connected).toBe(true);
    // The other room did not notice.
    expect(during.refused).toEqual([]);
    expect(during.latencies.length).toBeGreaterThan(100);
    expect(p99).toBeLessThan(OTHER_ROOM_P99_MS);
  }, 30_000);
});
