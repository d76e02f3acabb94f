import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStore } from '../src/store/redis.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';
import { startRedis, type RedisProcess } from './support/redis.js';
import { tempDir } from './support/server.js';

let redis: RedisProcess;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

const makers: [string, () => Store][] = [
  ['sqlite', () => openSqliteStore(tempDir())],
  ['redis', () => openRedisStore(redis.url)],
];

describe.each(makers)('the %s store', (_name, make) => {
  it('keeps documents and logs, and deletes by prefix only what the prefix names', async () => {
    const store = make();
    const p = `t${Math.random().toString(36).slice(2)}:`;
    expect(await store.get(`${p}a`)).toBeNull();
    await store.put(`${p}a`, { n: 1 });
    await store.put(`${p}a`, { n: 2 });
    expect(await store.get(`${p}a`)).toEqual({ n: 2 });
    expect(await store.putIfAbsent(`${p}a`, { n: 3 })).toEqual({ n: 2 });
    expect(await store.putIfAbsent(`${p}b`, 'first')).toBe('first');
    await store.append(`${p}log`, { i: 1 });
    await store.append(`${p}log`, { i: 2 });
    expect(await store.read(`${p}log`)).toEqual([{ i: 1 }, { i: 2 }]);
    // A prefix with wildcard characters must match literally.
    await store.put(`${p}x_y`, 1);
    await store.put(`${p}x%y*`, 2);
    await store.put(`${p}xzy`, 3);
    await store.deletePrefix(`${p}x_`);
    expect(await store.get(`${p}x_y`)).toBeNull();
    expect(await store.get(`${p}xzy`)).toBe(3);
    expect(await store.get(`${p}x%y*`)).toBe(2);
    await store.deletePrefix(p);
    for (const k of ['a', 'b', 'xzy', 'x%y*']) expect(await store.get(`${p}${k}`)).toBeNull();
    expect(await store.read(`${p}log`)).toEqual([]);
    await store.del(`${p}a`);
    await store.close();
  });

  it('rewrites a log in one step: appends racing with the rewrite are kept, and keys lists by prefix', async () => {
    const store = make();
    const p = `t${Math.random().toString(36).slice(2)}:`;
    for (let i = 0; i < 20; i++) await store.append(`${p}log`, { i, drop: i % 2 === 0 });
    await store.put(`${p}doc`, 1);
    expect((await store.keys(p)).sort()).toEqual([`${p}doc`, `${p}log`]);
    const racing = Array.from({ length: 20 }, (_, i) => store.append(`${p}log`, { i: 100 + i, drop: false }));
    await Promise.all([
      store.rewriteLog<{ i: number; drop: boolean }>(`${p}log`, (all) => all.filter((e) => !e.drop)),
      ...racing,
    ]);
    const left = await store.read<{ i: number }>(`${p}log`);
    expect(left.map((e) => e.i).sort((a, b) => a - b)).toEqual([
      ...[1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
      ...Array.from({ length: 20 }, (_, i) => 100 + i),
    ]);
    await store.rewriteLog(`${p}log`, () => []);
    expect(await store.keys(p)).toEqual([`${p}doc`]);
    await store.forgetDeleted();
    await store.close();
  });

  it('replaces a document only when its seq is the expected one', async () => {
    const store = make();
    const k = `t${Math.random().toString(36).slice(2)}:room`;
    expect(await store.replaceIfSeq(k, { seq: 1, v: 'a' }, 1)).toBe(false); // absent, expected 1
    expect(await store.replaceIfSeq(k, { seq: 1, v: 'a' }, 0)).toBe(true);
    expect(await store.replaceIfSeq(k, { seq: 2, v: 'b' }, 0)).toBe(false); // present now
    expect(await store.replaceIfSeq(k, { seq: 2, v: 'b' }, 1)).toBe(true);
    expect(await store.replaceIfSeq(k, { seq: 3, v: 'stale' }, 1)).toBe(false); // a stale writer fails
    expect(await store.get(k)).toEqual({ seq: 2, v: 'b' });
    await store.close();
  });
});

describe('the sqlite store and files from before the seq column', () => {
  it('fences a record written before the column existed by the seq inside it, then by the column', async () => {
    const dir = tempDir();
    // The file as an older version left it: no seq column, a room record at seq 5.
    const old = new Database(join(dir, 'circle.db'));
    old.exec('CREATE TABLE docs (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    old.prepare('INSERT INTO docs (key, value) VALUES (?, ?)').run('g:room', JSON.stringify({ seq: 5 }));
    old.close();
    const store = openSqliteStore(dir);
    expect(await store.replaceIfSeq('g:room', { seq: 5, v: 'stale' }, 4)).toBe(false);
    expect(await store.replaceIfSeq('g:room', { seq: 6, v: 'a' }, 5)).toBe(true);
    expect(await store.replaceIfSeq('g:room', { seq: 7, v: 'stale' }, 5)).toBe(false);
    expect(await store.replaceIfSeq('g:room', { seq: 7, v: 'b' }, 6)).toBe(true);
    // A plain put leaves no column seq behind: the fence reads the document again.
    await store.put('g:room', { seq: 9 });
    expect(await store.replaceIfSeq('g:room', { seq: 8, v: 'stale' }, 7)).toBe(false);
    expect(await store.replaceIfSeq('g:room', { seq: 10, v: 'c' }, 9)).toBe(true);
    expect(await store.get('g:room')).toEqual({ seq: 10, v: 'c' });
    await store.close();
  });
});
