import { LIMITS } from '@circle/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { RunningServer } from '../src/server.js';
import { barrier, call, createGroup, joinAs, ok, seatedGroup, type Joined } from './support/client.js';
import { closedConsumers, consume, mediaServerPerFile, opus, publishMic, vp8 } from './support/media.js';
import { waitUntil } from './support/ports.js';

/**
 * Listeners: members admitted beyond the full seats when the group allows them. They follow the meeting,
 * may raise a hand and be given the word, are heard only while they hold it, and do nothing else.
 */
describe('listeners beyond the seats', () => {
  // One file makes many small groups and joins from one address: room for them under the per-address limits.
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

  /** Fran facilitates, Ana and Ben fill the two seats, Lea and Max listen (the group allows two). */
  async function fullMeeting(settings: { listeners?: number; lobby?: boolean } = {}) {
    const seated = await seatedGroup(
      srv.port,
      { facilitators: ['Fran'], members: ['Ana', 'Ben'] },
      { capacity: 2, listeners: 2, ...settings },
      join,
    );
    const lea = await join(seated.g.links.member, 'Lea');
    const max = await join(seated.g.links.member, 'Max');
    await waitUntil(() => seated.fran.view()?.participants.length === 5, 5_000, 'everyone in the roster');
    return { ...seated, lea, max };
  }

  it('seats full: the next members join as listeners, in the roster and not on the floor; past them ROOM_FULL', async () => {
    const m = await fullMeeting();
    const view = m.fran.view()!;
    expect(view.floor.seats).toEqual([m.fran.pid, m.ana.pid, m.ben.pid]);
    expect(view.participants.filter((p) => p.listener).map((p) => p.name)).toEqual(['Lea', 'Max']);
    // Nothing of the listeners travels with the floor until one of them asks for the word.
    expect(JSON.stringify(view.floor)).not.toContain(m.lea.pid);
    expect(view.floor.guests).toBeUndefined();
    // Lea is admitted: she sees the room like everyone.
    await waitUntil(() => m.lea.view()?.participants.length === 5, 5_000, 'Lea sees the room');

    await expect(joinAs(srv.port, m.g.links.member, 'Zoe')).rejects.toThrow('ROOM_FULL');
  });

  it('facilitators change the listener places from the room: more let the next one in, fewer refuse the next, nobody inside moves', async () => {
    const m = await fullMeeting();
    expect((await ok(m.fran.socket, 'meeting:settings', {})).listeners).toBe(2);
    expect(await call(m.ana.socket, 'meeting:settings', { listeners: 500 })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(m.fran.socket, 'meeting:settings', { listeners: LIMITS.listenersMax + 1 })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    await expect(joinAs(srv.port, m.g.links.member, 'Cy')).rejects.toThrow('ROOM_FULL');
    expect((await ok(m.fran.socket, 'meeting:settings', { listeners: 3 })).listeners).toBe(3);
    const cy = await join(m.g.links.member, 'Cy');
    await ok(m.fran.socket, 'meeting:settings', { listeners: 0 });
    await expect(joinAs(srv.port, m.g.links.member, 'Zoe')).rejects.toThrow('ROOM_FULL');
    await barrier(m.fran.socket);
    const listening = m.fran
      .view()!
      .participants.filter((p) => p.listener)
      .map((p) => p.pid);
    expect(listening.sort()).toEqual([m.lea.pid, m.max.pid, cy.pid].sort());
  });

  it('a group without listeners (the default) still refuses the member past the seats', async () => {
    const g = await createGroup(srv.port, { capacity: 2 });
    await join(g.links.member, 'Ana');
    await join(g.links.member, 'Ben');
    await expect(joinAs(srv.port, g.links.member, 'Cy')).rejects.toThrow('ROOM_FULL');
  });

  it(`the group's listener places are bounded by LIMITS.listenersMax (${LIMITS.listenersMax})`, async () => {
    const create = (listeners: number) =>
      fetch(`http://127.0.0.1:${srv.port}/api/groups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Open meeting', listeners }),
      });
    expect((await create(LIMITS.listenersMax + 1)).status).toBe(400);
    expect((await create(-1)).status).toBe(400);
    expect((await create(LIMITS.listenersMax)).status).toBe(201);
  });

  it('with a lobby, listeners wait and are admitted like members: seats first, then listener places, then ROOM_FULL', async () => {
    const g = await createGroup(srv.port, { capacity: 2, listeners: 1, lobby: true });
    const fran = await join(g.links.facilitator, 'Fran');
    const waiting: Joined[] = [];
    for (const name of ['Ana', 'Ben', 'Lea', 'Max']) waiting.push(await join(g.links.member, name));
    // Admitting everyone lets in whoever fits, in order of arrival: two seats, one listener.
    expect(await ok(fran.socket, 'lobby:admitAll', {})).toEqual({ admitted: 3 });
    await waitUntil(() => fran.view()?.participants.length === 4, 5_000, 'three admitted');
    const view = fran.view()!;
    expect(view.floor.seats).toEqual([fran.pid, waiting[0]!.pid, waiting[1]!.pid]);
    expect(view.participants.find((p) => p.listener)?.name).toBe('Lea');
    expect(await call(fran.socket, 'lobby:admit', { pid: waiting[3]!.pid })).toEqual({
      ok: false,
      error: 'ROOM_FULL',
    });
    // A seat comes free: Lea, listening, takes it; Max, still waiting, is admitted to her listener place.
    await ok(waiting[0]!.socket, 'room:leave', {});
    await waitUntil(() => fran.view()?.floor.seats.includes(waiting[2]!.pid) === true, 5_000, 'Lea seated');
    await ok(fran.socket, 'lobby:admit', { pid: waiting[3]!.pid });
    await waitUntil(
      () => fran.view()?.participants.find((p) => p.pid === waiting[3]!.pid)?.listener === true,
      5_000,
      'Max listening',
    );
  });

  it('a listener raises a hand, queues as usual, is given the word and heard by a seated member; the word moving on silences them', async () => {
    const m = await fullMeeting();
    // Not holding the word: a listener's microphone is refused by the server.
    expect(await call(m.lea.socket, 'media:join', {})).toMatchObject({ ok: true });
    const media = await srv.media!.existing(m.g.groupId)!;
    const send = await ok(m.lea.socket, 'media:transport', { direction: 'send' });
    const produce = (kind: 'audio' | 'video', ssrc: number) =>
      call(m.lea.socket, 'media:produce', {
        transportId: send.id,
        kind,
        source: kind === 'audio' ? 'mic' : 'camera',
        rtpParameters: kind === 'audio' ? opus(ssrc) : vp8(ssrc),
      });
    expect(await produce('audio', 31)).toEqual({ ok: false, error: 'FORBIDDEN' });

    await ok(m.ben.socket, 'floor:raise', {});
    await ok(m.lea.socket, 'floor:raise', {});
    await waitUntil(() => m.fran.view()?.floor.queue.length === 2, 5_000, 'two hands');
    expect(m.fran.view()!.floor.queue).toEqual([m.ben.pid, m.lea.pid]);
    expect(m.fran.view()!.floor.guests).toEqual([m.lea.pid]);

    // Strict circle: only the holder (and facilitators) are heard, so hearing Lea means she holds the word.
    await ok(m.fran.socket, 'media:strict', { on: true });
    await ok(m.fran.socket, 'floor:next', { expectHolder: null, expectNext: m.ben.pid });
    await ok(m.fran.socket, 'floor:next', { expectHolder: m.ben.pid, expectNext: m.lea.pid });
    await waitUntil(() => m.ana.view()?.floor.holder?.pid === m.lea.pid, 5_000, 'Lea holds the word');

    // Holding the word: the microphone, and only the microphone.
    const mic = await produce('audio', 32);
    expect(mic.ok).toBe(true);
    if (!mic.ok) return;
    expect(await produce('video', 33)).toEqual({ ok: false, error: 'FORBIDDEN' });
    const anaClosed = closedConsumers(m.ana.socket);
    const heard = await consume(m.ana, mic.data.producerId);
    const anaHears = () => media.consumerStates(m.ana.socket.id!).find((c) => c.id === heard.consumerId);
    await waitUntil(() => anaHears()?.paused === false, 5_000, 'Ana hears Lea');
    expect(media.view().tracks.find((t) => t.pid === m.lea.pid)?.paused).toBe(false);

    // The word moves on: Lea's microphone is closed on the server, Ana is told, and Lea cannot publish again.
    await ok(m.fran.socket, 'floor:give', { pid: m.ana.pid, expectHolder: m.lea.pid });
    await waitUntil(() => anaClosed.has(heard.consumerId), 5_000, "Lea's microphone closed");
    expect(media.view().tracks.some((t) => t.pid === m.lea.pid)).toBe(false);
    expect(await produce('audio', 34)).toEqual({ ok: false, error: 'FORBIDDEN' });
    // Off the floor again: nothing of Lea stays in it.
    await waitUntil(
      () => m.fran.view()?.floor.holder?.pid === m.ana.pid,
      5_000,
      'Fran sees Ana hold the word',
    );
    expect(m.fran.view()!.floor.guests).toBeUndefined();
    expect(m.fran.view()!.floor.presence[m.lea.pid]).toBeUndefined();
  });

  it('a facilitator gives the word straight to a listener; a listener who leaves while holding it passes it on', async () => {
    const m = await fullMeeting();
    await ok(m.ben.socket, 'floor:raise', {});
    await ok(m.fran.socket, 'floor:give', { pid: m.max.pid, expectHolder: null });
    await waitUntil(() => m.fran.view()?.floor.holder?.pid === m.max.pid, 5_000, 'Max holds the word');
    const mic = await publishMic(m.max, 41);
    expect(mic.producerId).toBeTruthy();
    await ok(m.max.socket, 'room:leave', {});
    await waitUntil(() => m.fran.view()?.floor.holder?.pid === m.ben.pid, 5_000, 'the word went on to Ben');
    expect(m.fran.view()!.participants.some((p) => p.pid === m.max.pid)).toBe(false);
  });

  it('a listener sent back to the lobby leaves the floor; admitted again, they take a seat that came free', async () => {
    const m = await fullMeeting();
    await ok(m.lea.socket, 'floor:raise', {});
    await ok(m.fran.socket, 'moderation:toLobby', { pid: m.lea.pid, message: '' });
    await waitUntil(() => m.fran.view()?.lobbyCount === 1, 5_000, 'Lea waiting');
    expect(m.fran.view()!.floor.queue).toEqual([]);
    expect(m.fran.view()!.floor.guests).toBeUndefined();
    // Max, listening inside, takes the seat Ben leaves; the next one is free for Lea when admitted.
    await ok(m.ben.socket, 'room:leave', {});
    await waitUntil(() => m.fran.view()?.floor.seats.includes(m.max.pid) === true, 5_000, 'Max seated');
    await ok(m.ana.socket, 'room:leave', {});
    await ok(m.fran.socket, 'lobby:admit', { pid: m.lea.pid });
    await waitUntil(() => m.fran.view()?.floor.seats.includes(m.lea.pid) === true, 5_000, 'Lea seated');
    expect(m.fran.view()!.participants.find((p) => p.pid === m.lea.pid)?.listener).toBeUndefined();
  });

  it('more hands than the circle has seats (listeners) still queue, and a facilitator can reorder them all', async () => {
    const g = await createGroup(srv.port, { capacity: 2, listeners: LIMITS.capacityMax + 5 });
    const fran = await join(g.links.facilitator, 'Fran');
    const hands: string[] = [];
    for (let i = 0; i < LIMITS.capacityMax + 5; i++) {
      const j = await join(g.links.member, `L${i}`);
      await ok(j.socket, 'floor:raise', {});
      hands.push(j.pid);
    }
    await waitUntil(() => fran.view()?.floor.queue.length === hands.length, 10_000, 'every hand queued');
    // Listeners beyond the seats: those after the first two (who took the seats) are guests on the floor.
    expect(fran.view()!.floor.guests).toHaveLength(hands.length - 2);
    await ok(fran.socket, 'floor:reorder', { order: [...hands].reverse() });
    await waitUntil(() => fran.view()?.floor.queue[0] === hands.at(-1), 5_000, 'the queue reordered');
  });

  it('Mute all holds the seated members and a listener holding the word, not the hundreds who only listen', async () => {
    const m = await fullMeeting();
    await ok(m.fran.socket, 'floor:give', { pid: m.lea.pid, expectHolder: null });
    await ok(m.fran.socket, 'media:muteAll', {});
    const media = await srv.media!.existing(m.g.groupId)!;
    expect(media.view().held.sort()).toEqual([m.ana.pid, m.ben.pid, m.lea.pid].sort());
  });

  it('a listener cannot give the word, act as a facilitator or take part beyond asking for the word', async () => {
    const m = await fullMeeting();
    const lea = m.lea.socket;
    await ok(m.ben.socket, 'floor:raise', {});
    const refusals = {
      'floor:give': { pid: m.lea.pid },
      'floor:next': {},
      'floor:take': {},
      'floor:round': {},
      'floor:reorder': { order: [m.ben.pid] },
      'floor:lower': { pid: m.ben.pid },
      'seats:reorder': { order: [m.fran.pid, m.ana.pid, m.ben.pid] },
      'lobby:admitAll': {},
      'media:mute': { pid: m.ana.pid },
      'media:strict': { on: true },
      'moderation:remove': { pid: m.ana.pid },
      'chat:send': { text: 'hello everyone' },
      'board:create': { title: 'Mine' },
      'care:stepOut': {},
    } as const;
    for (const [event, payload] of Object.entries(refusals))
      expect([event, await call(lea, event as keyof typeof refusals, payload)]).toEqual([
        event,
        { ok: false, error: 'FORBIDDEN' },
      ]);
    // Nothing moved: Ben's hand is still up and the seats are as they were.
    await barrier(m.fran.socket);
    const view = m.fran.view()!;
    expect(view.floor.queue).toEqual([m.ben.pid]);
    expect(view.floor.holder).toBeNull();
    expect(view.floor.seats).toEqual([m.fran.pid, m.ana.pid, m.ben.pid]);
    // What a listener may do: raise and lower their own hand.
    await ok(lea, 'floor:raise', {});
    await ok(lea, 'floor:lower', {});
    expect(await call(lea, 'floor:done', {})).toEqual({ ok: false, error: 'CONFLICT' });
  });
});
