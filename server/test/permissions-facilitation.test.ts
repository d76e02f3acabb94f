import type { ClientEventName, Role } from '@circle/shared';
import { EVENT_ROLES, ROLES } from '@circle/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server.js';
import { call, createGroup, joinAs, type Joined } from './support/client.js';
import { FACILITATION_DOMAINS, facilitationPayload } from './support/facilitation.js';
import { inProcess } from './support/server.js';

type Event = Exclude<ClientEventName, 'room:join'>;
const events = (Object.keys(EVENT_ROLES) as Event[]).filter((e) =>
  FACILITATION_DOMAINS.some((d) => e.startsWith(d)),
);
/** These end the meeting: each gets a group of its own. */
const ending = new Set<Event>(['meeting:close', 'meeting:deleteGroup']);

/**
 * Every facilitation command from every role: a role not listed in EVENT_ROLES is refused with FORBIDDEN
 * and nothing changes; a listed role gets past the permission check (the handler may still refuse).
 */
describe('permission matrix: facilitation commands from every role', () => {
  let srv: RunningServer;
  let people: Record<Role, Joined>;

  async function seatedGroup(): Promise<Record<Role, Joined>> {
    const g = await createGroup(srv.port);
    return {
      facilitator: await joinAs(srv.port, g.links.facilitator, 'Fran'),
      member: await joinAs(srv.port, g.links.member, 'Mo'),
      observer: await joinAs(srv.port, g.links.observer, 'Obi'),
    };
  }

  beforeAll(async () => {
    srv = await inProcess({ rateLimitPerSec: 1_000 });
    people = await seatedGroup();
  });
  afterAll(async () => {
    for (const j of Object.values(people)) j.socket.close();
    await srv.close();
  });

  it('covers every facilitation domain', () => {
    for (const d of FACILITATION_DOMAINS) expect(events.some((e) => e.startsWith(d))).toBe(true);
    expect(events).toHaveLength(23);
  });

  for (const event of events) {
    for (const role of ROLES) {
      const allowed = EVENT_ROLES[event].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} send ${event}`, async () => {
        const group = ending.has(event) && allowed ? await seatedGroup() : people;
        const who = group[role];
        const before = group.facilitator.view()!.seq;
        const ack = await call(who.socket, event, facilitationPayload(event, 'nobody', role) ?? {});
        if (!allowed) {
          expect(ack).toEqual({ ok: false, error: 'FORBIDDEN' });
          expect(group.facilitator.view()!.seq).toBe(before);
        } else {
          expect(ack).not.toEqual({ ok: false, error: 'FORBIDDEN' });
          expect(ack).not.toEqual({ ok: false, error: 'BAD_REQUEST' });
        }
        if (group !== people) for (const j of Object.values(group)) j.socket.close();
      });
    }
  }

  it('facilitators are not moderated (the link is shared), whatever the tool', async () => {
    for (const event of ['moderation:nudge', 'moderation:toLobby', 'moderation:remove'] as const)
      expect(
        await call(people.facilitator.socket, event, facilitationPayload(event, people.facilitator.pid)),
      ).toEqual({ ok: false, error: 'FORBIDDEN' });
  });
});
