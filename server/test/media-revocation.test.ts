import type { ClientEventName } from '@circle/shared';
import type { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaRoom } from '../src/media/MediaRoom.js';
import type { RunningServer } from '../src/server.js';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { freePort, waitUntil } from './support/ports.js';
import { closedConsumers, consume, publishMic } from './support/media.js';
import { inProcess } from './support/server.js';

/** The server cuts a person off within this long, whatever their browser does. */
const REVOKE_MS = 1_000;

describe('media is revoked by the server when someone is cut off', () => {
  let srv: RunningServer;
  const everyone: Joined[] = [];

  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    process.env.CIRCLE_MEDIA_PORT = String(await freePort());
    srv = await inProcess({ media: true });
    expect(srv.media).toBeDefined();
  });
  afterAll(async () => {
    for (const j of everyone) j.socket.close();
    await srv.close();
  });

  /** A fresh meeting where Ana and Ben each publish a microphone and hear each other. */
  async function meeting() {
    const g = await createGroup(srv.port);
    const fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    const ana = await joinAs(srv.port, g.links.member, 'Ana');
    const ben = await joinAs(srv.port, g.links.member, 'Ben');
    everyone.push(fran, ana, ben);
    const anaClosed = closedConsumers(ana.socket);
    const benClosed = closedConsumers(ben.socket);
    const anaMic = await publishMic(ana, 11);
    const benMic = await publishMic(ben, 22);
    const anaHearsBen = await consume(ana, benMic.producerId);
    const benHearsAna = await consume(ben, anaMic.producerId);
    const media = await srv.media!.existing(g.groupId)!;
    expect(media.consumerStates(ana.socket.id!)).toHaveLength(1);
    return { g, fran, ana, ben, anaMic, anaHearsBen, benHearsAna, anaClosed, benClosed, media };
  }

  type Meeting = Awaited<ReturnType<typeof meeting>>;

  /** Everything Ana had is closed on the server, and both browsers were told, within REVOKE_MS of `since`. */
  async function expectAnaCutOff(m: Meeting, since: number) {
    const anaPublishes = (media: MediaRoom) => media.view().tracks.some((t) => t.pid === m.ana.pid);
    await waitUntil(
      () =>
        m.media.consumerStates(m.ana.socket.id!).length === 0 &&
        !anaPublishes(m.media) &&
        m.anaClosed.has(m.anaHearsBen.consumerId) &&
        m.benClosed.has(m.benHearsAna.consumerId),
      REVOKE_MS * 3,
      "Ana's media closed",
    );
    const took = Date.now() - since;
    console.log(`[measure] media cut off ${took} ms after the facilitator's command`);
    expect(took).toBeLessThanOrEqual(REVOKE_MS);
  }

  /** Whatever Ana's connection asks of media now is refused. */
  async function expectRefused(ana: Joined, code: string) {
    for (const [event, payload] of [
      ['media:join', {}],
      ['media:transport', { direction: 'recv' }],
      ['media:resume', { source: 'mic' }],
    ] as [ClientEventName, unknown][])
      expect(await call(ana.socket, event, payload)).toEqual({ ok: false, error: code });
  }

  it('sends a member back to the lobby: she stops hearing the room and the room stops hearing her', async () => {
    const m = await meeting();
    const since = Date.now();
    await ok(m.fran.socket, 'moderation:toLobby', { pid: m.ana.pid, message: '' });
    await expectAnaCutOff(m, since);
    await expectRefused(m.ana, 'NOT_ADMITTED');
  });

  it('removes a member: she stops hearing the room and the room stops hearing her', async () => {
    const m = await meeting();
    const since = Date.now();
    await ok(m.fran.socket, 'moderation:remove', { pid: m.ana.pid });
    await expectAnaCutOff(m, since);
    await expectRefused(m.ana, 'NOT_JOINED');
  });

  it('cuts off someone who leaves or erases their identity, though their connection stays open', async () => {
    for (const event of ['room:leave', 'identity:erase'] as const) {
      const m = await meeting();
      const since = Date.now();
      await ok(m.ana.socket, event, {});
      await expectAnaCutOff(m, since);
      await expectRefused(m.ana, 'NOT_JOINED');
    }
  });

  it('closes everyone’s media when the meeting closes', async () => {
    const m = await meeting();
    await ok(m.fran.socket, 'meeting:close', {});
    await waitUntil(
      () => m.anaClosed.has(m.anaHearsBen.consumerId) && m.benClosed.has(m.benHearsAna.consumerId),
      REVOKE_MS,
      'consumers closed',
    );
    await expectRefused(m.ana, 'NOT_JOINED');
  });

  it("sends a side room's speaking activity only to the two people in it", async () => {
    const m = await meeting();
    const heard = (j: Joined) => {
      const got: string[][] = [];
      j.socket.on('media:speaking', (pids) => got.push(pids));
      return got;
    };
    const fran = heard(m.fran);
    const ana = heard(m.ana);
    const ben = heard(m.ben);
    await ok(m.fran.socket, 'moderation:sideOpen', { pid: m.ana.pid });
    // No RTP flows in these tests: stand in for the worker's audio-level report, with Ana's real producer.
    const levels = (m.media as unknown as { levels: EventEmitter }).levels;
    const producer = (m.media as unknown as { producers: Map<string, { producer: unknown }> }).producers.get(
      m.anaMic.producerId,
    )!.producer;
    levels.emit('volumes', [{ producer, volume: -20 }]);
    await waitUntil(
      () => [fran, ana].every((got) => got.some((pids) => pids.includes(m.ana.pid))),
      2_000,
      'the side room hears Ana speak',
    );
    // A barrier: anything sent to Ben before this round trip has arrived by now.
    await ok(m.ben.socket, 'media:join', {});
    expect(ben.flat()).not.toContain(m.ana.pid);
    await ok(m.fran.socket, 'moderation:sideClose', { pid: m.ana.pid });
  });
});
