import type { MediaView } from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

const opus = (ssrc: number) => ({
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
  encodings: [{ ssrc }],
  rtcp: { cname: `c${ssrc}` },
});

describe('a role-play exercise with observers and TIME OUT', () => {
  let srv: RunningServer;
  let fran: Joined, ana: Joined, ben: Joined, cy: Joined, dee: Joined, eve: Joined;
  let media: MediaView[];
  const sendTransport = new Map<string, string>();
  const mic = (j: Joined) => media.at(-1)?.tracks.find((t) => t.pid === j.pid && t.source === 'mic');
  const produce = async (j: Joined, ssrc: number) => {
    if (!sendTransport.has(j.pid)) {
      await ok(j.socket, 'media:join', {});
      sendTransport.set(j.pid, (await ok(j.socket, 'media:transport', { direction: 'send' })).id);
    }
    return call(j.socket, 'media:produce', {
      transportId: sendTransport.get(j.pid),
      kind: 'audio',
      source: 'mic',
      rtpParameters: opus(ssrc),
    });
  };

  beforeAll(async () => {
    process.env.MEDIASOUP_WORKERS = '1';
    srv = await inProcess({ media: true });
    // Notes in clear: an encrypted group takes only sealed ones (see e2ee-chat.test.ts).
    const g = await createGroup(srv.port, { e2ee: false });
    fran = await joinAs(srv.port, g.links.facilitator, 'Fran');
    const members = await Promise.all(
      ['Ana', 'Ben', 'Cy', 'Dee', 'Eve'].map((n) => joinAs(srv.port, g.links.member, n)),
    );
    [ana, ben, cy, dee, eve] = members as [Joined, Joined, Joined, Joined, Joined];
    media = [];
    fran.socket.on('media:state', (v) => media.push(v));
    await ok(fran.socket, 'media:join', {});
  });
  afterAll(async () => {
    for (const j of [fran, ana, ben, cy, dee, eve]) j.socket.close();
    await srv.close();
  });

  it('keeps scenarios facilitators write with the group, and validates them', async () => {
    const bad = await call(fran.socket, 'exercise:saveScenario', {
      title: '',
      setup: 'x',
      forGroup: 'x',
      forLeaders: 'x',
      forObservers: 'x',
      focus: [],
    });
    expect(bad).toEqual({ ok: false, error: 'BAD_REQUEST' });
    const input = {
      title: 'The silent member',
      setup: 'One member says nothing.',
      forGroup: 'Share as usual.',
      forLeaders: 'Invite without pressing.',
      forObservers: 'Watch the silence.',
      focus: ['Was silence allowed?'],
    };
    expect(await call(ana.socket, 'exercise:saveScenario', input)).toEqual({ ok: false, error: 'FORBIDDEN' });
    const { id } = await ok(fran.socket, 'exercise:saveScenario', input);
    const all = await ok(fran.socket, 'exercise:scenarios', {});
    expect(all.find((s) => s.id === id)).toMatchObject({ ...input, builtIn: false });
  });

  it('gives each person only their own instructions', async () => {
    const scenarios = await ok(fran.socket, 'exercise:scenarios', {});
    expect(scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining(['newcomer', 'here-and-now', 'mirror']),
    );
    expect(await call(ana.socket, 'exercise:setup', { scenarioId: 'newcomer', roles: {} })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    await ok(fran.socket, 'exercise:setup', {
      scenarioId: 'newcomer',
      roles: {
        [ana.pid]: 'newcomer',
        [ben.pid]: 'leader',
        [cy.pid]: 'member',
        [dee.pid]: 'observer',
        [eve.pid]: 'observer',
      },
    });
    const anaView = await ok(ana.socket, 'exercise:get', {});
    // A built-in scenario comes by id and role: the client words it in each person's language.
    expect(anaView.scenarioTitle).toBeNull();
    expect(anaView.brief).toEqual({ role: 'newcomer', builtIn: 'newcomer' });
    const deeView = await ok(dee.socket, 'exercise:get', {});
    expect(deeView.brief).toEqual({ role: 'observer', builtIn: 'newcomer' });
  });

  it('keeps observers outside the circle during the play: no floor, no microphone', async () => {
    await ok(fran.socket, 'exercise:start', {});
    expect(await call(dee.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(await produce(dee, 40)).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect((await produce(ana, 10)).ok).toBe(true);
    expect((await produce(ben, 20)).ok).toBe(true);
    await ok(ana.socket, 'floor:raise', {});
    await ok(fran.socket, 'floor:next', {});
    await waitUntil(() => mic(ana)?.paused === false && mic(ben)?.paused === false, 5_000, 'actors live');
  });

  it("TIME OUT holds the actors' microphones, pauses the floor and gives the observers the word in turn", async () => {
    await ok(fran.socket, 'exercise:timeOut', {});
    await waitUntil(() => mic(ana)?.paused === true && mic(ben)?.paused === true, 5_000, 'actors held');
    expect(fran.view()!.floor.paused).toBe(true);
    expect(await call(ana.socket, 'media:resume', { source: 'mic' })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    // Dee first, then Eve.
    expect((await produce(dee, 41)).ok).toBe(true);
    await waitUntil(() => mic(dee)?.paused === false, 5_000, 'Dee heard');
    expect(await produce(eve, 50)).toEqual({ ok: false, error: 'FORBIDDEN' });
    await ok(dee.socket, 'exercise:shareNotes', {
      text: 'The group waited for the newcomer.',
      checked: ['Who started?'],
    });
    expect(await call(ana.socket, 'exercise:shareNotes', { text: 'x', checked: [] })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    await ok(fran.socket, 'exercise:nextFeedback', {});
    await waitUntil(() => mic(dee)?.paused === true, 5_000, 'Dee done');
    expect((await produce(eve, 51)).ok).toBe(true);
    await ok(fran.socket, 'exercise:nextFeedback', {});
    expect((await ok(fran.socket, 'exercise:get', {})).state!.feedback).toMatchObject({
      current: null,
      given: [dee.pid, eve.pid],
    });
  });

  it('releases the actors on resume and ends with a debrief round and a summary for facilitators', async () => {
    await ok(fran.socket, 'exercise:resume', {});
    await waitUntil(() => mic(ana)?.paused === false && mic(ben)?.paused === false, 5_000, 'actors released');
    expect(fran.view()!.floor.paused).toBe(false);
    await waitUntil(() => mic(dee)?.paused === true, 5_000, 'observers silent again');
    await ok(fran.socket, 'exercise:end', {});
    await waitUntil(() => fran.view()!.floor.round !== null, 5_000, 'debrief round');
    expect(await call(ana.socket, 'exercise:summaries', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    const [summary] = await ok(fran.socket, 'exercise:summaries', {});
    expect(summary).toMatchObject({ scenarioId: 'newcomer', scenarioTitle: null, run: 1 });
    expect(summary!.roles).toEqual(
      expect.arrayContaining([
        { name: 'Ana', role: 'newcomer' },
        { name: 'Dee', role: 'observer' },
      ]),
    );
    expect(summary!.sharedNotes).toEqual([
      { name: 'Dee', text: 'The group waited for the newcomer.', checked: ['Who started?'] },
    ]);
    // After the play, everyone may speak again.
    expect((await produce(dee, 42)).ok).toBe(true);
  });
});
