import type { JournalEntryInput } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_POSTS } from '../src/journal/http.js';
import type { RunningServer } from '../src/server.js';
import { joinAs, ok, seatedGroup, tokenOf, type Joined } from './support/client.js';
import { inProcess } from './support/server.js';

const entry: JournalEntryInput = {
  kind: 'meeting',
  took: 'Listening helped.',
  goal: '',
  picks: [],
  mood: null,
  shared: false,
};

/** POST /api/journal writes to the store: one identity, or one address, cannot make it write without end. */
describe('My journal over HTTP: rate limits', () => {
  let srv: RunningServer;
  const open: Joined[] = [];
  const join = async (link: string, name: string, identity?: string) => {
    const j = await joinAs(srv.port, link, name, identity);
    open.push(j);
    return j;
  };
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv.close();
  });

  async function closedMeeting() {
    srv = await inProcess({ rateLimitPerSec: 1000 });
    const seated = await seatedGroup(srv.port, { facilitators: ['Fran'], members: ['Ana', 'Ben'] }, {}, join);
    await ok(seated.fran.socket, 'meeting:open', {});
    const meetingId = seated.fran.view()!.meetingId;
    await ok(seated.fran.socket, 'meeting:close', {});
    const post = (identity: string, name = 'Ana') =>
      fetch(`http://127.0.0.1:${srv.port}/api/journal`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokenOf(seated.g.links.member)}`,
        },
        body: JSON.stringify({ identity, name, meetingId, entry }),
      });
    return { ...seated, post };
  }

  it('one identity past its budget gets a typed 429 and nothing more is written; another identity still writes', async () => {
    const { g, ana, ben, post } = await closedMeeting();
    for (let i = 0; i < JOURNAL_POSTS.perIdentityBurst; i++)
      expect((await post(ana.identity)).status).toBe(201);
    const refused = await post(ana.identity);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: 'RATE_LIMITED' });
    expect((await post(ben.identity, 'Ben')).status).toBe(201);

    const again = await join(g.links.member, 'Ana', ana.identity);
    const { entries } = await ok(again.socket, 'journal:mine', {});
    expect(entries).toHaveLength(JOURNAL_POSTS.perIdentityBurst);
  });

  it('one address trying identities (or links) is stopped too, before any lookup, right identity included', async () => {
    const { ana, post } = await closedMeeting();
    let refusedAt = -1;
    for (let i = 0; i <= JOURNAL_POSTS.perAddressBurst && refusedAt < 0; i++) {
      const res = await post(`made-up-identity-${i}`);
      if (res.status === 429) refusedAt = i;
      else expect(res.status).toBe(404);
    }
    expect(refusedAt).toBe(JOURNAL_POSTS.perAddressBurst);
    const right = await post(ana.identity);
    expect(right.status).toBe(429);
    expect(await right.json()).toEqual({ error: 'RATE_LIMITED' });
  });
});
