import { describe, expect, it } from 'vitest';
import { LIMITS, chatEventSchemas, exerciseEventSchemas, type Sealed } from '@circle/shared';
import { MediaKeyStore, type E2ee } from '../mediaKey';
import { fromBase64url, toBase64url } from './sealing';
import { openFromRoom, openNotes, openPrivateWord, sealForRoom, sealNotes, sealPrivateWord } from './words';

const rawKey = (seed: number) => new Uint8Array(32).map((_, i) => (seed * 31 + i) & 0xff);
const storeWith = (...epochs: number[]) => {
  const s = new MediaKeyStore();
  for (const epoch of epochs) s.set({ epoch, raw: rawKey(epoch) });
  return s;
};
const at = { meetingId: 'meeting-1', from: 'ana' };

/** Flips one bit of a base64url field. */
function flip(text: string, byte = 0): string {
  const bytes = fromBase64url(text)!;
  bytes[byte]! ^= 1;
  return toBase64url(bytes);
}

/**
 * People's pair keys as ECDH would give them: one AES key per unordered pair, so both sides of a pair
 * hold the same one and nobody else does.
 */
async function pairWorld(people: string[]): Promise<(pid: string) => E2ee> {
  const keys = new Map<string, CryptoKey>();
  for (const a of people)
    for (const b of people)
      if (a < b)
        keys.set(
          `${a}|${b}`,
          await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
        );
  return (me) => ({
    enabled: true,
    keys: storeWith(3),
    pairKey: async (other) => keys.get([me, other].sort().join('|')) ?? null,
  });
}

describe('sealed chat under the media key', () => {
  it('round trip: everyone holding the epoch reads it; the server-visible form is schema-valid', async () => {
    const keys = storeWith(1, 2);
    const sealed = (await sealForRoom(keys, 'chat', at, 'I would rather write today. Привет 💬'))!;
    expect(sealed.epoch).toBe(2);
    expect(JSON.stringify(sealed)).not.toContain('write today');
    expect(chatEventSchemas['chat:send'].safeParse({ sealed }).success).toBe(true);
    expect(await openFromRoom(storeWith(2), 'chat', at, sealed)).toEqual({
      ok: true,
      text: 'I would rather write today. Привет 💬',
    });
  });

  it('the longest message fits the schema the server checks, whatever its characters', async () => {
    const keys = storeWith(1);
    for (const c of ['x', 'é', '中', '💥']) {
      const text = c.repeat(Math.floor(LIMITS.chatMax / c.length));
      const sealed = (await sealForRoom(keys, 'chat', at, text))!;
      expect(chatEventSchemas['chat:send'].safeParse({ sealed }).success).toBe(true);
    }
  });

  it('lengths are padded: a short and a slightly longer message look the same size', async () => {
    const keys = storeWith(1);
    const a = (await sealForRoom(keys, 'chat', at, 'yes'))!;
    const b = (await sealForRoom(keys, 'chat', at, 'I am not sure'))!;
    expect(a.ct.length).toBe(b.ct.length);
  });

  it('no key for its epoch (sent before this browser joined) is told apart from a forgery', async () => {
    const sealed = (await sealForRoom(storeWith(1), 'chat', at, 'before you came'))!;
    expect(await openFromRoom(storeWith(2), 'chat', at, sealed)).toEqual({ ok: false, reason: 'no-key' });
    expect(await sealForRoom(new MediaKeyStore(), 'chat', at, 'no key yet')).toBeNull();
  });

  it('moved to another context it does not open: writer, meeting, purpose, epoch', async () => {
    const keys = storeWith(1, 2);
    const sealed = (await sealForRoom(keys, 'chat', at, 'only here'))!;
    const unreadable = { ok: false, reason: 'unreadable' };
    expect(await openFromRoom(keys, 'chat', { ...at, from: 'ben' }, sealed)).toEqual(unreadable);
    expect(await openFromRoom(keys, 'chat', { ...at, meetingId: 'meeting-2' }, sealed)).toEqual(unreadable);
    expect(await openFromRoom(keys, 'notes', at, sealed)).toEqual(unreadable);
    // The server relabels the epoch: the other epoch's key does not open it, nor does the AD match.
    expect(await openFromRoom(keys, 'chat', at, { ...sealed, epoch: 1 })).toEqual(unreadable);
  });

  it('tampering fails: a flipped bit in the ciphertext, the tag or the iv; a truncated ciphertext', async () => {
    const keys = storeWith(1);
    const sealed = (await sealForRoom(keys, 'chat', at, 'do not touch'))!;
    const ctBytes = fromBase64url(sealed.ct)!.length;
    const forged: Sealed[] = [
      { ...sealed, ct: flip(sealed.ct, 0) },
      { ...sealed, ct: flip(sealed.ct, ctBytes - 1) },
      { ...sealed, iv: flip(sealed.iv) },
      { ...sealed, ct: toBase64url(fromBase64url(sealed.ct)!.subarray(0, ctBytes - 1)) },
      { ...sealed, ct: '!!not base64!!' },
    ];
    for (const f of forged)
      expect(await openFromRoom(keys, 'chat', at, f)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('private words under pair keys', () => {
  it('only the readers it was wrapped for read it; a third person cannot, even with the media key', async () => {
    const as = await pairWorld(['ana', 'fran', 'co', 'ben']);
    const word = { meetingId: 'meeting-1', from: 'ana', member: 'ana' };
    const out = await sealPrivateWord(as('ana'), word, ['fran', 'co'], 'I am struggling a bit');
    expect(out.missing).toEqual([]);
    expect(Object.keys(out.keys).sort()).toEqual(['co', 'fran']);
    expect(chatEventSchemas['chat:whisper'].safeParse({ sealed: out.sealed, keys: out.keys }).success).toBe(
      true,
    );
    for (const reader of ['fran', 'co'])
      expect(await openPrivateWord(as(reader), { ...word, reader }, out.sealed, out.keys[reader]!)).toEqual({
        ok: true,
        text: 'I am struggling a bit',
      });
    // Ben holds the meeting's media key but shares no pair key with Ana: Fran's wrapped key is useless to him.
    expect(await openPrivateWord(as('ben'), { ...word, reader: 'ben' }, out.sealed, out.keys.fran!)).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    expect(await openPrivateWord(as('ben'), { ...word, reader: 'ben' }, out.sealed, null)).toEqual({
      ok: false,
      reason: 'no-key',
    });
  });

  it('a wrapped key moved to another reader, word or thread does not open', async () => {
    const as = await pairWorld(['ana', 'fran', 'co']);
    const word = { meetingId: 'meeting-1', from: 'fran', member: 'ana' };
    const one = await sealPrivateWord(as('fran'), word, ['ana', 'co'], 'first');
    const two = await sealPrivateWord(as('fran'), word, ['ana', 'co'], 'second');
    const unreadable = { ok: false, reason: 'unreadable' };
    // Co's key handed to Ana: it was wrapped with Fran and Co's pair key.
    expect(await openPrivateWord(as('ana'), { ...word, reader: 'ana' }, one.sealed, one.keys.co!)).toEqual(
      unreadable,
    );
    // The first word's key with the second word's words.
    expect(await openPrivateWord(as('ana'), { ...word, reader: 'ana' }, two.sealed, one.keys.ana!)).toEqual(
      unreadable,
    );
    // Said to be in Co's thread rather than Ana's, or from Co.
    expect(
      await openPrivateWord(as('ana'), { ...word, member: 'co', reader: 'ana' }, one.sealed, one.keys.ana!),
    ).toEqual(unreadable);
    expect(
      await openPrivateWord(as('ana'), { ...word, from: 'co', reader: 'ana' }, one.sealed, one.keys.ana!),
    ).toEqual(unreadable);
    // Tampered words.
    const forged = { ...one.sealed, ct: flip(one.sealed.ct, 3) };
    expect(await openPrivateWord(as('ana'), { ...word, reader: 'ana' }, forged, one.keys.ana!)).toEqual(
      unreadable,
    );
  });

  it('a reader without a pair key yet is reported missing, not sealed for', async () => {
    const as = await pairWorld(['ana', 'fran']);
    const out = await sealPrivateWord(
      as('ana'),
      { meetingId: 'm', from: 'ana', member: 'ana' },
      ['fran', 'late'],
      'hi',
    );
    expect(Object.keys(out.keys)).toEqual(['fran']);
    expect(out.missing).toEqual(['late']);
  });
});

describe('shared exercise notes', () => {
  it('round trip with the checked questions, schema-valid; the chat key does not open them', async () => {
    const keys = storeWith(4);
    const notes = { text: 'The leader waited. "Quotes" and\nlines', checked: ['Was the newcomer heard?'] };
    const sealed = (await sealNotes(keys, at, notes))!;
    expect(exerciseEventSchemas['exercise:shareNotes'].safeParse({ sealed }).success).toBe(true);
    expect(await openNotes(keys, at, sealed)).toEqual({ ok: true, notes });
    expect(await openFromRoom(keys, 'chat', at, sealed)).toEqual({ ok: false, reason: 'unreadable' });
    expect(await openNotes(keys, { ...at, from: 'ben' }, sealed)).toEqual({
      ok: false,
      reason: 'unreadable',
    });
  });

  it('the largest notes fit the schema', async () => {
    const notes = { text: '"'.repeat(4_000), checked: Array.from({ length: 12 }, () => '💥'.repeat(100)) };
    const sealed = (await sealNotes(storeWith(1), at, notes))!;
    expect(exerciseEventSchemas['exercise:shareNotes'].safeParse({ sealed }).success).toBe(true);
  });
});
