import { afterEach } from 'vitest';
import type { Clock } from '../../src/clock.js';
import type { Config } from '../../src/config.js';
import type { RunningServer } from '../../src/server.js';
import type { GroupSettingsInput } from '@circle/shared';
import { joinAs, seatedGroup, type Joined, type Seating } from './client.js';
import { inProcess } from './server.js';

/**
 * A fresh in-process server for each test and the people who joined it, all closed after the test.
 * Call it once in a describe block: `start` the server in the test, then `join` people to it.
 */
export function serverPerTest() {
  let srv: RunningServer | undefined;
  const open: Joined[] = [];
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv?.close();
    srv = undefined;
  });
  const join = async (link: string, name: string, identity?: string) => {
    if (!srv) throw new Error('start the server first');
    const j = await joinAs(srv.port, link, name, identity);
    open.push(j);
    return j;
  };
  return {
    /** Starts the server; pass a ManualClock to move its time instead of sleeping. */
    start: async (overrides: Partial<Config> = {}, clock?: Clock) =>
      (srv = await inProcess(overrides, undefined, clock)),
    join,
    /** A new group on the started server with these people in it (see `seatedGroup`). */
    seated: <N extends string>(people: Seating<N>, settings: Partial<GroupSettingsInput> = {}) => {
      if (!srv) throw new Error('start the server first');
      return seatedGroup(srv.port, people, settings, (link, name) => join(link, name));
    },
  };
}
