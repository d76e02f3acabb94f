import { UNDO_WINDOW_MS } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../src/clock.js';
import { barrier, call, ok } from './support/client.js';
import { held } from './support/meeting.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

/** Floor commands carry the state they were aimed at, so racing facilitators never skip anyone. */
describe('floor races: nobody is skipped', () => {
  const { start, seated } = serverPerTest();

  it('two facilitators press Next together: exactly one person gets the word, the next keeps their hand up', async () => {
    await start();
    const { fran, gil, ana, ben } = await seated({ facilitators: ['Fran', 'Gil'], members: ['Ana', 'Ben'] });
    await ok(fran.socket, 'meeting:open', {});
    await ok(ana.socket, 'floor:raise', {});
    await ok(ben.socket, 'floor:raise', {});
    await waitUntil(() => gil.view()!.floor.queue.length === 2);
    // Both saw nobody holding the word and Ana next.
    const aimed = { expectHolder: null, expectNext: ana.pid };
    const [a, b] = await Promise.all([
      call(fran.socket, 'floor:next', aimed),
      call(gil.socket, 'floor:next', aimed),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].filter((r) => !r.ok)).toEqual([{ ok: false, error: 'STALE' }]);
    await barrier(fran.socket);
    await waitUntil(() => held(ben.view()) === ana.pid);
    expect(ben.view()!.floor.queue).toEqual([ben.pid]);
    expect(ben.view()!.floor.turns[ana.pid]).toBeUndefined();
  });

  it('I’m done, then a Next aimed at the old holder: refused STALE, the new holder keeps the word', async () => {
    await start();
    const { fran, ana, ben } = await seated({ facilitators: ['Fran'], members: ['Ana', 'Ben'] });
    await ok(fran.socket, 'meeting:open', {});
    await ok(fran.socket, 'floor:give', { pid: ana.pid, expectHolder: null });
    await ok(ben.socket, 'floor:raise', {});
    await waitUntil(() => fran.view()!.floor.queue.length === 1);
    await ok(ana.socket, 'floor:done', {});
    // Fran's screen still showed Ana speaking and Ben next when she pressed Next.
    expect(await call(fran.socket, 'floor:next', { expectHolder: ana.pid, expectNext: ben.pid })).toEqual({
      ok: false,
      error: 'STALE',
    });
    await barrier(ben.socket);
    await waitUntil(() => held(fran.view()) === ben.pid);
    expect(fran.view()!.floor.turns[ben.pid]).toBeUndefined();
  });

  it('giving the word can be undone within 5 s; after the window, or once the floor moved, it is refused', async () => {
    const clock = new ManualClock();
    await start({}, clock);
    const { fran, gil, ana, ben } = await seated({ facilitators: ['Fran', 'Gil'], members: ['Ana', 'Ben'] });
    await ok(fran.socket, 'meeting:open', {});
    await ok(fran.socket, 'floor:give', { pid: ana.pid, expectHolder: null });
    clock.advance(2_000);
    await ok(fran.socket, 'floor:give', { pid: ben.pid, expectHolder: ana.pid });
    clock.advance(UNDO_WINDOW_MS);
    await ok(fran.socket, 'floor:undo', { expectHolder: ben.pid });
    await waitUntil(() => held(gil.view()) === ana.pid);
    // Ana gets back the time she had left, and her interrupted turn is not counted.
    expect(gil.view()!.floor.holder!.usedMs).toBe(2_000);
    expect(gil.view()!.floor.turns[ana.pid]).toBeUndefined();

    // Too late: past the window.
    await ok(fran.socket, 'floor:take', { expectHolder: ana.pid });
    clock.advance(UNDO_WINDOW_MS + 1);
    expect(await call(fran.socket, 'floor:undo', { expectHolder: null })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });

    // Someone else moved the floor since: Ana pressed I’m done after Fran gave her the word.
    await ok(fran.socket, 'floor:give', { pid: ana.pid, expectHolder: null });
    await ok(ana.socket, 'floor:done', {});
    expect(await call(fran.socket, 'floor:undo', { expectHolder: null })).toEqual({
      ok: false,
      error: 'STALE',
    });
    await barrier(gil.socket);
    expect(held(gil.view())).toBeNull();
  });
});
