import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { RunningServer } from '../src/server.js';
import { barrier, call, joinAs, ok, seatedGroup, type Joined } from './support/client.js';
import { closedConsumers, consume, mediaServerPerFile, publishMic, vp8 } from './support/media.js';
import { waitUntil } from './support/ports.js';

/**
 * Seats that come free go to listeners: the longest waiting first, or whoever a facilitator chose; their
 * media follows (a seated member may send a camera and a microphone, which a listener may not).
 */
describe('listeners take seats that come free', () => {
  const media = mediaServerPerFile({
    limits: {
      ...loadConfig({}).limits,
      groupCreateBurst: 100,
      joinsPerAddressPerMinute: 1_000,
      connectionsPerAddress: 1_000,
    },
  });
  const { join } = media;
  let srv: RunningServer;
  beforeAll(() => void (srv = media.srv));

  /** Fran facilitates, Ana and Ben fill the two seats; Lea, then Max, listen. */
  async function fullMeeting() {
    const seated = await seatedGroup(
      srv.port,
      { facilitators: ['Fran'], members: ['Ana', 'Ben'] },
      { capacity: 2, listeners: 3 },
      join,
    );
    const lea = await join(seated.g.links.member, 'Lea');
    const max = await join(seated.g.links.member, 'Max');
    await waitUntil(() => seated.fran.view()?.participants.length === 5, 5_000, 'everyone in the roster');
    return { ...seated, lea, max };
  }

  const person = (j: Joined, pid: string) => j.view()?.participants.find((p) => p.pid === pid);
  const seatedIn = (j: Joined, pid: string) =>
    j.view()?.floor.seats.includes(pid) === true && person(j, pid)?.listener === undefined;
  const camera = async (j: Joined, ssrc: number) => {
    const t = await ok(j.socket, 'media:transport', { direction: 'send' });
    return call(j.socket, 'media:produce', {
      transportId: t.id,
      kind: 'video',
      source: 'camera',
      rtpParameters: vp8(ssrc),
    });
  };

  it('a seated member leaves: the longest-waiting listener takes the seat, and may send a camera there', async () => {
    const m = await fullMeeting();
    // Lea listens, and hears Ana; a listener's camera is refused.
    const anaMic = await publishMic(m.ana, 51);
    const leaClosed = closedConsumers(m.lea.socket);
    const heard = await consume(m.lea, anaMic.producerId);
    expect(await camera(m.lea, 52)).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(person(m.fran, m.lea.pid)?.nextSeat).toBe(true);

    await ok(m.ben.socket, 'room:leave', {});
    await waitUntil(() => seatedIn(m.fran, m.lea.pid), 5_000, 'Lea seated');
    expect(m.fran.view()!.floor.seats).toEqual([m.fran.pid, m.ana.pid, m.lea.pid]);
    // Max, who came after her, still listens, now first in line.
    expect(person(m.fran, m.max.pid)).toMatchObject({ listener: true, nextSeat: true });
    await waitUntil(() => seatedIn(m.lea, m.lea.pid), 5_000, 'Lea sees her seat');

    // Her media follows the seat: a camera now, and what she heard before she still hears.
    const cam = await camera(m.lea, 53);
    expect(cam.ok).toBe(true);
    await barrier(m.lea.socket);
    expect(leaClosed.has(heard.consumerId)).toBe(false);
    const mediaRoom = await srv.media!.existing(m.g.groupId)!;
    expect(mediaRoom.view().tracks.some((t) => t.pid === m.lea.pid && t.source === 'camera')).toBe(true);
  });

  it("a facilitator's choice takes the next seat before the longest waiting; only facilitators choose", async () => {
    const m = await fullMeeting();
    for (const who of [m.ana, m.lea, m.max])
      expect(await call(who.socket, 'seats:offer', { pid: m.max.pid })).toEqual({
        ok: false,
        error: 'FORBIDDEN',
      });
    // Someone seated, or nobody at all, is not in line.
    expect(await call(m.fran.socket, 'seats:offer', { pid: m.ana.pid })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    expect(await call(m.fran.socket, 'seats:offer', { pid: 'nobody' })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    await barrier(m.fran.socket);
    expect(person(m.fran, m.lea.pid)?.nextSeat).toBe(true);

    await ok(m.fran.socket, 'seats:offer', { pid: m.max.pid });
    await waitUntil(() => person(m.fran, m.max.pid)?.nextSeat === true, 5_000, 'Max next in line');
    expect(person(m.fran, m.lea.pid)?.nextSeat).toBeUndefined();
    // Nobody moved yet: no seat is free.
    expect(m.fran.view()!.floor.seats).toEqual([m.fran.pid, m.ana.pid, m.ben.pid]);

    await ok(m.ana.socket, 'room:leave', {});
    await waitUntil(() => seatedIn(m.fran, m.max.pid), 5_000, 'Max seated');
    expect(person(m.fran, m.lea.pid)).toMatchObject({ listener: true, nextSeat: true });
  });

  it('a listener sent to the lobby frees no seat; a seated member sent there frees one for the next in line', async () => {
    const m = await fullMeeting();
    await ok(m.fran.socket, 'moderation:toLobby', { pid: m.lea.pid, message: '' });
    await barrier(m.fran.socket);
    expect(m.fran.view()!.floor.seats).toEqual([m.fran.pid, m.ana.pid, m.ben.pid]);
    await ok(m.fran.socket, 'moderation:toLobby', { pid: m.ana.pid, message: '' });
    await waitUntil(() => seatedIn(m.fran, m.max.pid), 5_000, 'Max seated');
  });

  it('a listener whose connection dropped keeps their place in line but the free seat goes to someone here', async () => {
    const m = await fullMeeting();
    m.lea.socket.close();
    await waitUntil(() => person(m.fran, m.lea.pid)?.online === false, 5_000, 'Lea offline');
    await ok(m.ben.socket, 'room:leave', {});
    await waitUntil(() => seatedIn(m.fran, m.max.pid), 5_000, 'Max seated');
    // Back within the reconnect window: still a listener, first in line for the next seat.
    const lea = await joinAs(srv.port, m.g.links.member, 'Lea', m.lea.identity);
    await waitUntil(() => person(m.fran, lea.pid)?.online === true, 5_000, 'Lea back');
    expect(person(m.fran, lea.pid)).toMatchObject({ listener: true, nextSeat: true });
    await ok(m.ana.socket, 'room:leave', {});
    await waitUntil(() => seatedIn(m.fran, lea.pid), 5_000, 'Lea seated');
    lea.socket.close();
  });
});
