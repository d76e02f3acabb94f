import { describe, expect, it } from 'vitest';
import { createGroup, joinAs, ok } from './support/client.js';
import { inProcess } from './support/server.js';

describe('smoke', () => {
  it('creates, joins, raises', async () => {
    const srv = await inProcess();
    const g = await createGroup(srv.port);
    const f = await joinAs(srv.port, g.links.facilitator, 'Fa');
    const m = await joinAs(srv.port, g.links.member, 'Mo');
    await ok(m.socket, 'floor:raise', {});
    await ok(f.socket, 'floor:next', {});
    await new Promise((r) => setTimeout(r, 100));
    expect(f.view()?.floor.holder?.pid).toBe(m.pid);
    f.socket.close(); m.socket.close();
    await srv.close();
  });
});
