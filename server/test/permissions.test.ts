import type { JoinedEventName, Role } from '@circle/shared';
import { COMMANDS, EVENT_ROLES, ROLES, maySend } from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { RunningServer } from '../src/server.js';
import { call, connect, createGroup, joinAs, ok, type Joined } from './support/client.js';
import { inProcess } from './support/server.js';

/** Every event sent once joined, read off the command definitions: a new command is covered here as is. */
const events = Object.keys(EVENT_ROLES) as JoinedEventName[];
const example = (event: JoinedEventName): unknown => COMMANDS[event].example;

type People = Record<Role, Joined>;

/**
 * Every command from every role, with the command's own example payload (so the schema passes and the
 * grant is what is tested): a role without the command's grant is refused with FORBIDDEN and nothing
 * changes; a role with it gets past the permission check (the handler may still refuse, but not FORBIDDEN).
 */
describe('permission matrix: every command from every role', () => {
  let srv: RunningServer;
  let people: People;
  const opened: People[] = [];

  async function seatedGroup(): Promise<People> {
    const g = await createGroup(srv.port);
    const group = {
      facilitator: await joinAs(srv.port, g.links.facilitator, 'Fran'),
      member: await joinAs(srv.port, g.links.member, 'Mo'),
      observer: await joinAs(srv.port, g.links.observer, 'Obi'),
    };
    opened.push(group);
    return group;
  }

  /** Some allowed commands end things (leaving, erasing, closing the meeting): then start a fresh group. */
  async function stillTogether(group: People): Promise<boolean> {
    const acks = await Promise.all(ROLES.map((role) => call(group[role].socket, 'exercise:get', {})));
    return acks.every((a) => a.ok);
  }

  const together = async () => {
    if (!(await stillTogether(people))) people = await seatedGroup();
    return people;
  };

  beforeAll(async () => {
    // Many events from one connection, and a fresh group after each ending command: limits are tested elsewhere.
    const limits = { ...loadConfig({}).limits, groupCreateBurst: 100, joinsPerAddressPerMinute: 1_000 };
    srv = await inProcess({ rateLimitPerSec: 1_000, limits });
    people = await seatedGroup();
  });
  afterAll(async () => {
    for (const group of opened) for (const j of Object.values(group)) j.socket.close();
    await srv?.close();
  });

  for (const event of events) {
    for (const role of ROLES) {
      const allowed = maySend(role, event);
      it(`${role} ${allowed ? 'may' : 'may not'} send ${event}`, async () => {
        await together();
        const before = people.facilitator.view()!.seq;
        const ack = await call(people[role].socket, event, example(event));
        if (allowed) {
          expect(ack).not.toEqual({ ok: false, error: 'FORBIDDEN' });
        } else {
          expect(ack).toEqual({ ok: false, error: 'FORBIDDEN' });
          // A round trip on the facilitator's connection: any change would have reached it by now.
          await call(people.facilitator.socket, 'exercise:get', {});
          expect(people.facilitator.view()!.seq).toBe(before);
        }
      });
    }
  }

  // The matrix checks that the server enforces the definitions; this pins the policy itself, by hand.
  it('observers only listen and members never moderate, whatever the definitions say', async () => {
    const { member, observer } = await together();
    const writes = [
      'floor:raise',
      'chat:send',
      'media:produce',
      'board:create',
      'exercise:shareNotes',
    ] as const;
    const moderates = [
      'floor:give',
      'lobby:admit',
      'moderation:remove',
      'meeting:close',
      'media:muteAll',
    ] as const;
    for (const [who, events] of [
      [observer, [...writes, ...moderates]],
      [member, moderates],
    ] as const)
      for (const event of events)
        expect([event, await call(who.socket, event, example(event))]).toEqual([
          event,
          { ok: false, error: 'FORBIDDEN' },
        ]);
  });

  it("a member cannot lower someone else's hand but can lower their own", async () => {
    const { facilitator, member } = await together();
    await ok(facilitator.socket, 'floor:raise', {});
    expect(await call(member.socket, 'floor:lower', { pid: facilitator.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    await ok(member.socket, 'floor:raise', {});
    await ok(member.socket, 'floor:lower', {});
    await ok(facilitator.socket, 'floor:lower', {});
  });

  it('facilitators are not moderated (the link is shared), whatever the tool', async () => {
    const { facilitator } = await together();
    for (const event of ['moderation:nudge', 'moderation:toLobby', 'moderation:remove'] as const)
      expect(
        await call(facilitator.socket, event, { ...COMMANDS[event].example, pid: facilitator.pid }),
      ).toEqual({ ok: false, error: 'FORBIDDEN' });
  });

  it('nothing works before joining', async () => {
    const stranger = connect(srv.port);
    for (const event of events)
      expect([event, await call(stranger, event, example(event))]).toEqual([
        event,
        { ok: false, error: 'NOT_JOINED' },
      ]);
    stranger.close();
  });

  it('during a role-play, exercise observers may send none of the commands gated for it', async () => {
    const { facilitator, member } = await together();
    await ok(facilitator.socket, 'exercise:setup', {
      scenarioId: 'newcomer',
      roles: { [facilitator.pid]: 'leader', [member.pid]: 'observer' },
    });
    await ok(facilitator.socket, 'exercise:start', {});
    const gated = events.filter((e) => COMMANDS[e].rolePlay && maySend('member', e));
    expect(gated).toContain('floor:raise');
    for (const event of gated)
      expect([event, await call(member.socket, event, example(event))]).toEqual([
        event,
        { ok: false, error: 'FORBIDDEN' },
      ]);
    // The gate is the definitions' flag, not a blanket refusal: the chat stays theirs.
    // The group is end-to-end encrypted: words travel sealed (the server checks only their shape).
    await ok(member.socket, 'chat:send', {
      sealed: { v: 1, epoch: 1, iv: 'A'.repeat(16), ct: 'A'.repeat(64) },
    });
  });
});
