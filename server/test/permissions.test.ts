import type { ClientEventName } from '@circle/shared';
import { EVENT_ROLES } from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, connect, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { facilitationPayload } from './support/facilitation.js';
import { inProcess } from './support/server.js';

/** A payload that passes each event's schema, so only the permission check can refuse it. */
function validPayload(event: ClientEventName, j: { member: Joined; facilitator: Joined }): unknown {
  switch (event) {
    case 'floor:give':
    case 'floor:skip':
    case 'lobby:admit':
    case 'invite:letBack':
      return { pid: j.member.pid };
    case 'invite:replace':
      return { role: 'member' };
    case 'floor:lower':
      return { pid: j.member.pid };
    case 'floor:reorder':
      return { order: [] };
    case 'seats:reorder':
      return { order: [j.facilitator.pid, j.member.pid] };
    case 'floor:round':
      return {};
    case 'floor:settings':
      return { autoHandover: true };
    case 'board:create':
      return { title: 'My drinking' };
    case 'board:open':
    case 'board:update':
      return { id: 'b1', sync: new Uint8Array([2, 0]) };
    case 'board:awareness':
      return { id: 'b1', awareness: new Uint8Array([0]) };
    case 'board:share':
      return { id: 'b1', shared: true };
    case 'board:rename':
      return { id: 'b1', title: 'Renamed' };
    case 'board:close':
    case 'board:delete':
      return { id: 'b1' };
    case 'board:spotlight':
      return { id: null };
    case 'media:transport':
      return { direction: 'send' };
    case 'media:connect':
      return { transportId: 't1', dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AB' }] } };
    case 'media:restartIce':
      return { transportId: 't1' };
    case 'media:produce':
      return {
        transportId: 't1',
        kind: 'audio',
        source: 'mic',
        rtpParameters: {
          codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 }],
        },
      };
    case 'media:consume':
      return { producerId: 'p1', rtpCapabilities: {} };
    case 'media:consumerPause':
    case 'media:consumerResume':
      return { consumerId: 'c1' };
    case 'media:pause':
    case 'media:resume':
    case 'media:close':
      return { source: 'mic' };
    case 'media:mute':
      return { pid: j.member.pid };
    case 'media:release':
      return {};
    case 'media:strict':
      return { on: false };
    case 'exercise:saveScenario':
      return { title: 't', setup: 's', forGroup: 'g', forLeaders: 'l', forObservers: 'o', focus: ['q'] };
    case 'exercise:setup':
      return { scenarioId: 'newcomer', roles: {} };
    case 'exercise:shareNotes':
      return { text: 'n', checked: [] };
    default:
      return facilitationPayload(event, j.member.pid) ?? {};
  }
}

describe('permission matrix', () => {
  let srv: RunningServer;
  let facilitator: Joined, member: Joined, observer: Joined;

  beforeAll(async () => {
    // Many events from one connection in a row: the rate limit is tested elsewhere.
    srv = await inProcess({ rateLimitPerSec: 1_000 });
    const g = await createGroup(srv.port);
    facilitator = await joinAs(srv.port, g.links.facilitator, 'Fran');
    member = await joinAs(srv.port, g.links.member, 'Mo');
    observer = await joinAs(srv.port, g.links.observer, 'Obi');
  });
  afterAll(async () => {
    for (const j of [facilitator, member, observer]) j.socket.close();
    await srv.close();
  });

  const events = Object.keys(EVENT_ROLES) as (keyof typeof EVENT_ROLES)[];
  const sideEffecting = new Set(['room:leave', 'identity:erase']);

  for (const event of events.filter((e) => !sideEffecting.has(e))) {
    for (const role of ['member', 'observer'] as const) {
      const allowed = EVENT_ROLES[event].includes(role);
      if (allowed) continue;
      it(`${role} cannot send ${event}`, async () => {
        const who = role === 'member' ? member : observer;
        const before = facilitator.view()!.seq;
        const ack = await call(who.socket, event, validPayload(event, { member, facilitator }));
        expect(ack).toEqual({ ok: false, error: 'FORBIDDEN' });
        expect(facilitator.view()!.seq).toBe(before);
      });
    }
  }

  it('every facilitator-only event is refused to both other roles', () => {
    const facilitatorOnly = events.filter((e) => EVENT_ROLES[e].length === 1);
    expect(facilitatorOnly).toEqual(
      expect.arrayContaining(['floor:give', 'floor:take', 'floor:next', 'floor:round', 'lobby:admit']),
    );
    for (const e of facilitatorOnly) expect(EVENT_ROLES[e]).toEqual(['facilitator']);
  });

  it('an observer is not seated and cannot raise a hand', async () => {
    expect(facilitator.view()!.floor.seats).toEqual([facilitator.pid, member.pid]);
    expect(await call(observer.socket, 'floor:raise', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
  });

  it("a member cannot lower someone else's hand but can lower their own", async () => {
    await ok(facilitator.socket, 'floor:raise', {});
    expect(await call(member.socket, 'floor:lower', { pid: facilitator.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    await ok(member.socket, 'floor:raise', {});
    await ok(member.socket, 'floor:lower', {});
    await ok(facilitator.socket, 'floor:lower', {});
  });

  it('the same commands succeed for a facilitator', async () => {
    await ok(facilitator.socket, 'floor:give', { pid: member.pid });
    await ok(facilitator.socket, 'floor:take', {});
    await ok(facilitator.socket, 'floor:round', {});
    expect(facilitator.view()!.floor.holder?.pid).toBe(facilitator.pid);
    await ok(facilitator.socket, 'floor:next', {});
    expect(facilitator.view()!.floor.holder?.pid).toBe(member.pid);
  });

  it('nothing works before joining', async () => {
    const stranger = connect(srv.port);
    for (const event of events) {
      expect(await call(stranger, event, validPayload(event, { member, facilitator }))).toEqual({
        ok: false,
        error: 'NOT_JOINED',
      });
    }
    stranger.close();
  });
});
