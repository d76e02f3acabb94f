import type { ChatMessage, Whisper } from '@circle/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaKeyStore, type E2ee } from '../../client/src/e2ee/mediaKey.js';
import {
  openFromRoom,
  openPrivateWord,
  sealForRoom,
  sealPrivateWord,
} from '../../client/src/e2ee/messages/words.js';
import { filesHolding } from './support/canary.js';
import { barrier, call, createGroup, joinAs, ok, type Joined, type TestSocket } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { everyValue, startRedis, type RedisProcess } from './support/redis.js';
import { inProcess, tempDir } from './support/server.js';
import type { RunningServer } from '../src/server.js';
import { serverPerTest } from './support/session.js';

/**
 * Chat, private words and shared exercise notes in an end-to-end encrypted group: the server takes only
 * sealed words, still decides who may send what to whom, relays ciphertext only to whom it is for, and
 * never holds the words, in memory or in Redis. The tests play the browsers' key manager: one media key
 * for the meeting, and pair keys as ECDH would give each pair of people.
 */

const ENCRYPTED = { e2ee: true } as const;
const PLAIN = { e2ee: false } as const;

const mediaKeyRaw = randomBytes(32);
const mediaKeys = () => {
  const s = new MediaKeyStore();
  s.set({ epoch: 1, raw: new Uint8Array(mediaKeyRaw) });
  return s;
};
const importPair = (raw: Uint8Array) =>
  crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, ['encrypt', 'decrypt']);

/** People's browsers: each pair of them shares one key nobody else holds. */
function browsers() {
  const pairs = new Map<string, Uint8Array>();
  const pairRaw = (a: string, b: string) => {
    const id = [a, b].sort().join('|');
    if (!pairs.has(id)) pairs.set(id, randomBytes(32));
    return pairs.get(id)!;
  };
  const of = (me: string): E2ee => ({
    enabled: true,
    keys: mediaKeys(),
    pairKey: (other) => importPair(pairRaw(me, other)),
  });
  return { of, pairRaw };
}

/** Everything a connection receives, as it came. */
function recorder(socket: TestSocket) {
  const frames: string[] = [];
  socket.onAny((event: string, ...args: unknown[]) => frames.push(`${event} ${JSON.stringify(args)}`));
  return frames;
}

const written = (j: Joined) => ({ meetingId: j.view()!.meetingId, from: j.pid });

describe('end-to-end encrypted chat on one node', () => {
  const { start, seated } = serverPerTest();

  it('words in clear are refused in an encrypted group, and sealed words in a group that is not', async () => {
    await start();
    const { fran, ana } = await seated({ facilitators: ['Fran'], members: ['Ana'] }, ENCRYPTED);
    const heard = recorder(fran.socket);
    const refused = { ok: false, error: 'BAD_REQUEST' };
    expect(await call(ana.socket, 'chat:send', { text: 'I relapsed last week' })).toEqual(refused);
    expect(await call(ana.socket, 'chat:whisper', { text: 'I relapsed last week' })).toEqual(refused);
    expect(await call(fran.socket, 'chat:whisper', { to: ana.pid, text: 'Thank you' })).toEqual(refused);
    // Both at once, or a sealed word without its keys: refused by shape before any handler.
    const sealed = (await sealForRoom(mediaKeys(), 'chat', written(ana), 'hello'))!;
    expect(await call(ana.socket, 'chat:send', { text: 'hello', sealed })).toEqual(refused);
    expect(await call(ana.socket, 'chat:whisper', { sealed })).toEqual(refused);
    expect(await call(ana.socket, 'chat:send', { sealed: { ...sealed, ct: 'A'.repeat(9_000) } })).toEqual(
      refused,
    );
    expect(await call(ana.socket, 'chat:send', { sealed: { ...sealed, iv: 'short' } })).toEqual(refused);
    await barrier(fran.socket);
    expect(heard.filter((f) => f.includes('relapsed') || f.startsWith('chat:'))).toEqual([]);

    const plain = await seated({ facilitators: ['Fran'], members: ['Ana'] }, PLAIN);
    expect(await call(plain.ana.socket, 'chat:send', { sealed })).toEqual(refused);
    expect(await ok(plain.ana.socket, 'chat:send', { text: 'in clear here' })).toMatchObject({
      id: expect.any(String),
    });
  });

  it('sealed chat reaches everyone admitted and opens there; someone sent to the lobby receives nothing', async () => {
    await start();
    const { fran, ana, ben, obi } = await seated(
      { facilitators: ['Fran'], members: ['Ana', 'Ben'], observers: ['Obi'] },
      ENCRYPTED,
    );
    const got = new Map<string, ChatMessage[]>();
    for (const j of [fran, ana, ben, obi]) {
      got.set(j.pid, []);
      j.socket.on('chat:message', (m) => got.get(j.pid)!.push(m));
    }
    const anaHeard = recorder(ana.socket);
    await ok(fran.socket, 'moderation:toLobby', { pid: ana.pid, message: '' });

    const sealed = (await sealForRoom(mediaKeys(), 'chat', written(ben), 'I would rather write today.'))!;
    const { id } = await ok(ben.socket, 'chat:send', { sealed });
    await waitUntil(() => got.get(fran.pid)!.length === 1 && got.get(obi.pid)!.length === 1);
    for (const j of [fran, obi]) {
      const [m] = got.get(j.pid)!;
      expect(m).toEqual({ id, at: expect.any(Number), pid: ben.pid, name: 'Ben', sealed });
      expect(await openFromRoom(mediaKeys(), 'chat', written(ben), m!.sealed!)).toEqual({
        ok: true,
        text: 'I would rather write today.',
      });
    }
    // Ana, in the lobby, is cut off: nothing of it came to her connection.
    await barrier(ana.socket);
    expect(got.get(ana.pid)).toEqual([]);
    expect(anaHeard.filter((f) => f.includes(sealed.ct))).toEqual([]);

    // Permissions stay the server's: observers read only; the chat off refuses; a facilitator deletes by id.
    expect(await call(obi.socket, 'chat:send', { sealed })).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect((await ok(obi.socket, 'chat:history', {})).messages).toEqual([got.get(obi.pid)![0]]);
    const deleted: string[] = [];
    obi.socket.on('chat:deleted', (x) => deleted.push(x));
    await ok(fran.socket, 'chat:delete', { id });
    await waitUntil(() => deleted.length === 1);
    expect((await ok(obi.socket, 'chat:history', {})).messages).toEqual([]);
    await ok(fran.socket, 'chat:toggle', { on: false });
    expect(await call(ben.socket, 'chat:send', { sealed })).toEqual({ ok: false, error: 'CONFLICT' });
  });

  it('a private word: each reader receives only their own key; the writer and anyone else, none', async () => {
    await start();
    const { fran, co, ana, ben } = await seated(
      { facilitators: ['Fran', 'Co'], members: ['Ana', 'Ben'] },
      ENCRYPTED,
    );
    const world = browsers();
    const got = new Map<string, Whisper[]>();
    for (const j of [fran, co, ana, ben]) {
      got.set(j.pid, []);
      j.socket.on('chat:whisper', (w) => got.get(j.pid)!.push(w));
    }
    const benHeard = recorder(ben.socket);
    const heard = new Map([fran, co, ana].map((j) => [j.pid, recorder(j.socket)]));
    const thread = { ...written(ana), member: ana.pid };
    const word = await sealPrivateWord(
      world.of(ana.pid),
      thread,
      [fran.pid, co.pid],
      'I am struggling a bit',
    );
    const { id } = await ok(ana.socket, 'chat:whisper', { sealed: word.sealed, keys: word.keys });
    await waitUntil(() => [fran, co, ana].every((j) => got.get(j.pid)!.length === 1));
    for (const reader of [fran, co]) {
      const [w] = got.get(reader.pid)!;
      expect(w).toMatchObject({
        id,
        member: ana.pid,
        from: ana.pid,
        sealed: word.sealed,
        key: word.keys[reader.pid],
      });
      expect(
        await openPrivateWord(world.of(reader.pid), { ...thread, reader: reader.pid }, w!.sealed!, w!.key!),
      ).toEqual({
        ok: true,
        text: 'I am struggling a bit',
      });
    }
    // The writer's own connection learns it was delivered, with no key: her browser keeps her words.
    expect(got.get(ana.pid)![0]).toMatchObject({ id, key: null });
    // Nobody received a key wrapped for someone else, nor the word twice.
    await Promise.all([fran, co, ana].map((j) => barrier(j.socket)));
    for (const j of [fran, co, ana]) {
      expect(got.get(j.pid)).toHaveLength(1);
      const others = Object.entries(word.keys).filter(([reader]) => reader !== j.pid);
      expect(others.filter(([, k]) => heard.get(j.pid)!.some((f) => f.includes(k.key)))).toEqual([]);
    }
    // History gives each reader their own key only.
    expect((await ok(co.socket, 'chat:history', {})).whispers).toMatchObject([
      { id, key: word.keys[co.pid] },
    ]);
    expect((await ok(ana.socket, 'chat:history', {})).whispers).toMatchObject([{ id, key: null }]);

    // A facilitator answers: the member's key is required; Co follows the thread with his own.
    const answer = await sealPrivateWord(
      world.of(fran.pid),
      { ...written(fran), member: ana.pid },
      [ana.pid, co.pid],
      'Thank you for telling us',
    );
    const { [ana.pid]: forAna, ...notForAna } = answer.keys;
    expect(forAna).toBeDefined();
    expect(
      await call(fran.socket, 'chat:whisper', { to: ana.pid, sealed: answer.sealed, keys: notForAna }),
    ).toEqual({ ok: false, error: 'BAD_REQUEST' });
    await ok(fran.socket, 'chat:whisper', { to: ana.pid, sealed: answer.sealed, keys: answer.keys });
    await waitUntil(() => got.get(ana.pid)!.length === 2 && got.get(co.pid)!.length === 2);
    expect(got.get(ana.pid)![1]).toMatchObject({ from: fran.pid, key: answer.keys[ana.pid] });

    // Attacks: a member wraps a key for another member, for herself, or for someone not in the meeting.
    for (const reader of [ben.pid, ana.pid, 'nobody']) {
      const keys = { [fran.pid]: word.keys[fran.pid]!, [reader]: word.keys[co.pid]! };
      expect(await call(ana.socket, 'chat:whisper', { sealed: word.sealed, keys })).toEqual({
        ok: false,
        error: 'FORBIDDEN',
      });
    }
    // Ben was in none of it.
    await barrier(ben.socket);
    expect(got.get(ben.pid)).toEqual([]);
    expect(benHeard.filter((f) => f.includes(word.sealed.ct) || f.includes(answer.sealed.ct))).toEqual([]);
    expect((await ok(ben.socket, 'chat:history', {})).whispers).toEqual([]);
  });

  it('sealed words are in nothing a socket received nor in the server’s heap; words in clear are (control)', async () => {
    const srv = await start();
    const e = await createGroup(srv.port, ENCRYPTED);
    const p = await createGroup(srv.port, PLAIN);
    const fran = await joinAs(srv.port, e.links.facilitator, 'Fran');
    const obi = await joinAs(srv.port, e.links.observer, 'Obi');
    const plainFran = await joinAs(srv.port, p.links.facilitator, 'Fran');
    const received = [fran, obi, plainFran].map((j) => recorder(j.socket));
    const pairRaw = randomBytes(32);
    const sam = sender({
      port: srv.port,
      link: e.links.member,
      plainLink: p.links.member,
      mediaKey: mediaKeyRaw.toString('hex'),
      pairKey: pairRaw.toString('hex'),
      facilitator: fran.pid,
    });
    try {
      const joined = (await sam.next()) as { pid: string; marker: string };
      // Only the marker's bytes, off the heap: this process never holds it as a string.
      const marker = Buffer.from(joined.marker, 'hex');
      await observerInTimeOut(fran, joined.pid);
      sam.send('go');
      const done = (await sam.next()) as { control: string };
      const control = Buffer.from(done.control, 'hex');
      await Promise.all([fran, obi, plainFran].map((j) => barrier(j.socket)));

      // Delivered, sealed: Fran received the chat, the private word with her key, and the shared notes.
      const all = Buffer.from(received.flat().join('\n'));
      expect(received[0]!.filter((f) => /^chat:(message|whisper) /.test(f))).toHaveLength(2);
      const notes = (await ok(fran.socket, 'exercise:get', {})).state!.sharedNotes;
      expect(notes).toEqual([{ pid: joined.pid, sealed: expect.objectContaining({ v: 1, epoch: 1 }) }]);
      expect(all.includes(marker)).toBe(false);
      expect(all.includes(control)).toBe(true);

      const dir = tempDir();
      const file = writeHeapSnapshot(join(dir, 'server.heapsnapshot'));
      try {
        const heap = readFileSync(file);
        expect(heap.includes(control)).toBe(true);
        expect(heap.includes(marker)).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      sam.stop();
      for (const j of [fran, obi, plainFran]) j.socket.close();
    }
  });
});

describe('end-to-end encrypted chat on two nodes', () => {
  let redis: RedisProcess | undefined;
  const nodes: RunningServer[] = [];
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.close();
    await redis?.stop();
  });

  it('sealed chat, private words and notes leave nothing readable in Redis, nor in its files', async () => {
    redis = await startRedis();
    // Two nodes in this process: what Redis holds is the question here, not their memory.
    for (let i = 0; i < 2; i++) nodes.push(await inProcess({ redisUrl: redis.url }));
    const [a, b] = nodes as [RunningServer, RunningServer];
    const e = await createGroup(a.port, ENCRYPTED);
    const p = await createGroup(a.port, PLAIN);
    const fran = await joinAs(b.port, e.links.facilitator, 'Fran');
    const words: ChatMessage[] = [];
    fran.socket.on('chat:message', (m) => words.push(m));
    const privately: Whisper[] = [];
    fran.socket.on('chat:whisper', (w) => privately.push(w));
    const sam = sender({
      port: a.port,
      link: e.links.member,
      plainLink: p.links.member,
      mediaKey: mediaKeyRaw.toString('hex'),
      pairKey: randomBytes(32).toString('hex'),
      facilitator: fran.pid,
    });
    try {
      const joined = (await sam.next()) as { pid: string; marker: string };
      await observerInTimeOut(fran, joined.pid);
      sam.send('go');
      await sam.next();
      // Across nodes through Redis, and opened by the reader on the other node.
      await waitUntil(() => words.length === 1 && privately.length === 1);
      // The private word's key, wrapped for Fran, crossed to her node on her own channel.
      expect(privately[0]!.key).toMatchObject({ iv: expect.any(String), key: expect.any(String) });
      const marker = Buffer.from(joined.marker, 'hex').toString();
      const opened = await openFromRoom(
        mediaKeys(),
        'chat',
        { meetingId: fran.view()!.meetingId, from: joined.pid },
        words[0]!.sealed!,
      );
      expect(opened).toEqual({ ok: true, text: `${marker} in the chat` });
      // The notes are in the room record, which Redis holds: sealed.
      await ok(fran.socket, 'exercise:end', {});
      const values = await everyValue(redis.url);
      expect(values.some((v) => v.includes('"sealed"'))).toBe(true);
      expect(values.filter((v) => v.includes(marker))).toEqual([]);
      expect(filesHolding(redis.dir, '"sealed"').length).toBeGreaterThan(0);
      expect(filesHolding(redis.dir, marker)).toEqual([]);
    } finally {
      sam.stop();
      fran.socket.close();
    }
  });
});

/** A role-play in TIME OUT with `pid` as its observer: the moment an observer may share notes. */
async function observerInTimeOut(fran: Joined, pid: string) {
  await ok(fran.socket, 'exercise:setup', {
    scenarioId: 'newcomer',
    roles: { [pid]: 'observer', [fran.pid]: 'leader' },
  });
  await ok(fran.socket, 'exercise:start', {});
  await ok(fran.socket, 'exercise:timeOut', {});
}

/** The member's browser in its own process (support/e2eeSender.ts), spoken to line by line. */
function sender(args: object) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/e2eeSender.ts', JSON.stringify(args)],
    { cwd: resolve(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    next: async (): Promise<unknown> => {
      const line = await lines.next();
      if (line.done) throw new Error('the sender stopped');
      return JSON.parse(line.value) as unknown;
    },
    send: (line: string) => child.stdin!.write(`${line}\n`),
    stop: () => child.kill(),
  };
}
