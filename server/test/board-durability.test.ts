import * as B from '@circle/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { boardKeys } from '../src/board/keys.js';
import { openStore } from '../src/store/index.js';
import { BoardPeer } from './support/board.js';
import { joinAs, ok, seatedGroup } from './support/client.js';
import { freePort, waitUntil } from './support/ports.js';
import { startRedis } from './support/redis.js';
import { spawnServer, tempDir } from './support/server.js';

/**
 * `kill -9` of the server with balances in use, on both stores: every acknowledged update (including
 * those folded into a compaction) is there afterwards, and an edit made while the server was down merges
 * when its author reconnects.
 */
const stores: [string, () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>][] = [
  ['embedded SQLite', async () => ({ env: { CIRCLE_DATA_DIR: tempDir() }, cleanup: async () => {} })],
  [
    'Redis',
    async () => {
      const redis = await startRedis();
      return { env: { REDIS_URL: redis.url }, cleanup: () => redis.stop() };
    },
  ],
];

describe.each(stores)('balances survive kill -9 on %s', (_name, setup) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged update and merges an offline edit', async () => {
    const { env, cleanup } = await setup();
    cleanups.push(cleanup);
    const port = await freePort();
    const fullEnv = { ...env, CIRCLE_RATE_LIMIT: '1000' };
    let server = await spawnServer(fullEnv, port);
    cleanups.push(() => server.stop());

    const { g, fran, ana, ben } = await seatedGroup(port, {
      facilitators: ['Fran'],
      members: ['Ana', 'Ben'],
    });
    const { id } = await ok(ana.socket, 'board:create', { title: 'My drinking' });
    await ok(ana.socket, 'board:share', { id, shared: true });
    const anaPeer = new BoardPeer(ana.socket, id);
    const benPeer = new BoardPeer(ben.socket, id);
    await anaPeer.open();
    await benPeer.open();
    // More than one compaction's worth (every 100 accepted updates), each acknowledged on its own.
    for (let i = 0; i < 130; i++) {
      const q = B.QUADRANTS[i % 4]!;
      expect(await anaPeer.edit((d) => B.addItem(d, q, `Reason ${i}`, 1 + (i % 5)))).toMatchObject({
        ok: true,
      });
    }
    await anaPeer.edit((d) => B.setStage(d, 'preparation'));
    await benPeer.edit((d) =>
      B.suggest(d, { quadrant: 'change-good', text: 'Saturdays back', importance: 4 }, ben.pid, 1),
    );
    await waitUntil(() => B.readModel(anaPeer.doc).suggestions.length === 1);
    const sid = B.readModel(anaPeer.doc).suggestions[0]!.id;
    await anaPeer.edit((d) => B.acceptSuggestion(d, sid));
    const acknowledged = B.readModel(anaPeer.doc);
    const store = openStore({ redisUrl: env.REDIS_URL, dataDir: env.CIRCLE_DATA_DIR ?? '' });
    const compacted = await store.get<{ gen: number }>(boardKeys.state(g.groupId, id));
    await store.close();
    expect(compacted?.gen).toBeGreaterThanOrEqual(1);

    await server.kill9();
    for (const j of [fran, ana, ben]) j.socket.close();
    // Ben keeps working while the server is down: the change waits in his outbox.
    B.suggest(benPeer.doc, { quadrant: 'now-bad', text: 'Written offline', importance: 2 }, ben.pid, 2);
    server = await spawnServer(fullEnv, port);

    const ana2 = await joinAs(port, g.links.member, 'Ana', ana.identity);
    const ben2 = await joinAs(port, g.links.member, 'Ben', ben.identity);
    expect([ana2.pid, ben2.pid]).toEqual([ana.pid, ben.pid]);
    expect((await ok(ana2.socket, 'board:list', {})).balances.map((b) => b.title)).toEqual(['My drinking']);
    const anaAgain = new BoardPeer(ana2.socket, id);
    await anaAgain.open();
    expect(B.readModel(anaAgain.doc)).toEqual(acknowledged);

    // Ben's copy reconnects as the browser does: sync step 1/2, then the outbox goes out.
    const benAgain = new BoardPeer(ben2.socket, id, benPeer.replica);
    await benAgain.open();
    expect(await benAgain.flush()).toMatchObject({ ok: true });
    await waitUntil(() => B.readModel(anaAgain.doc).suggestions.some((s) => s.text === 'Written offline'));
    expect(B.readModel(benAgain.doc)).toEqual(B.readModel(anaAgain.doc));
    for (const j of [ana2, ben2]) j.socket.close();
  });
});
