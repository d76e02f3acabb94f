import type { Sealed, WrappedKey } from '@circle/shared';
import type { E2ee, MediaKey, MediaKeyStore } from '../mediaKey';
import { openBytes, openText, purposeKey, sealBytes, sealText, type Purpose } from './sealing';

/**
 * What the room's written words need of end-to-end encryption: the chat and shared exercise notes under
 * the meeting's media key (everyone admitted holds it), a private word under a one-time key wrapped for
 * each reader with the key only the writer and that reader share.
 */

/** What a reader makes of a sealed message. */
export type Opened =
  | { ok: true; text: string }
  /** 'no-key': this browser never held the key (sent before it joined); 'unreadable': it does not open. */
  | { ok: false; reason: 'no-key' | 'unreadable' };

/** Where in the meeting a message was written. */
export interface Written {
  meetingId: string;
  /** The writer's pid. */
  from: string;
}

// Derived once per epoch and purpose; forgotten with the media key object itself.
const derived = new WeakMap<MediaKey, Map<Purpose, Promise<CryptoKey>>>();
function keyOf(mk: MediaKey, purpose: Purpose): Promise<CryptoKey> {
  let byPurpose = derived.get(mk);
  if (!byPurpose) derived.set(mk, (byPurpose = new Map()));
  let key = byPurpose.get(purpose);
  if (!key) byPurpose.set(purpose, (key = purposeKey(mk.raw, purpose)));
  return key;
}

type RoomPurpose = 'chat' | 'notes';

/** Words for everyone in the meeting, under the current epoch; null while this browser has no key yet. */
export async function sealForRoom(
  keys: MediaKeyStore,
  purpose: RoomPurpose,
  at: Written,
  text: string,
): Promise<Sealed | null> {
  const mk = keys.current;
  if (!mk) return null;
  return sealText(await keyOf(mk, purpose), mk.epoch, { purpose, ...at, to: 'room' }, text);
}

export async function openFromRoom(
  keys: MediaKeyStore,
  purpose: RoomPurpose,
  at: Written,
  sealed: Sealed,
): Promise<Opened> {
  const mk = keys.get(sealed.epoch);
  if (!mk) return { ok: false, reason: 'no-key' };
  const text = await openText(await keyOf(mk, purpose), sealed, { purpose, ...at, to: 'room' });
  return text === null ? { ok: false, reason: 'unreadable' } : { ok: true, text };
}

/** A private word as it travels: the words sealed once, the key that opens them wrapped per reader. */
export interface SealedWord {
  sealed: Sealed;
  keys: Record<string, WrappedKey>;
  /** Readers this browser shares no key with yet (they have not published theirs). */
  missing: string[];
}

/**
 * Seals a private word in the thread with `member` for each of `readers` (never the writer). Its epoch
 * is the media key's current one (0 before any), bound into both the words and each wrapped key.
 */
export async function sealPrivateWord(
  e2ee: E2ee,
  at: Written & { member: string },
  readers: string[],
  text: string,
): Promise<SealedWord> {
  const epoch = e2ee.keys.current?.epoch ?? 0;
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const once = await globalThis.crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const { meetingId, from, member } = at;
  const sealed = await sealText(once, epoch, { purpose: 'privateWord', meetingId, from, to: member }, text);
  const keys: Record<string, WrappedKey> = {};
  const missing: string[] = [];
  for (const reader of readers) {
    const pair = await e2ee.pairKey(reader);
    if (!pair) {
      missing.push(reader);
      continue;
    }
    const ctx = { purpose: 'privateWordKey' as const, meetingId, from, to: reader, about: sealed.iv };
    const wrapped = await sealBytes(pair, epoch, ctx, raw, false);
    keys[reader] = { iv: wrapped.iv, key: wrapped.ct };
  }
  raw.fill(0);
  return { sealed, keys, missing };
}

/** Opens a private word this browser (`reader`) received with its own wrapped key (null: none was made). */
export async function openPrivateWord(
  e2ee: E2ee,
  at: Written & { member: string; reader: string },
  sealed: Sealed,
  key: WrappedKey | null,
): Promise<Opened> {
  const pair = key && (await e2ee.pairKey(at.from));
  if (!key || !pair) return { ok: false, reason: 'no-key' };
  const { meetingId, from, member, reader } = at;
  const wrapped: Sealed = { v: 1, epoch: sealed.epoch, iv: key.iv, ct: key.key };
  const ctx = { purpose: 'privateWordKey' as const, meetingId, from, to: reader, about: sealed.iv };
  const raw = await openBytes(pair, wrapped, ctx, false);
  if (!raw || raw.length !== 32) return { ok: false, reason: 'unreadable' };
  const once = await globalThis.crypto.subtle.importKey(
    'raw',
    raw as Uint8Array<ArrayBuffer>,
    'AES-GCM',
    false,
    ['decrypt'],
  );
  const text = await openText(once, sealed, { purpose: 'privateWord', meetingId, from, to: member });
  return text === null ? { ok: false, reason: 'unreadable' } : { ok: true, text };
}

/** An exercise observer's notes: the words and the focus questions they checked, sealed as one. */
export interface Notes {
  text: string;
  checked: string[];
}

export const sealNotes = (keys: MediaKeyStore, at: Written, notes: Notes) =>
  sealForRoom(keys, 'notes', at, JSON.stringify({ text: notes.text, checked: notes.checked }));

export async function openNotes(
  keys: MediaKeyStore,
  at: Written,
  sealed: Sealed,
): Promise<{ ok: true; notes: Notes } | { ok: false; reason: 'no-key' | 'unreadable' }> {
  const opened = await openFromRoom(keys, 'notes', at, sealed);
  if (!opened.ok) return opened;
  try {
    const v = JSON.parse(opened.text) as Partial<Notes>;
    if (
      typeof v.text === 'string' &&
      Array.isArray(v.checked) &&
      v.checked.every((c) => typeof c === 'string')
    )
      return { ok: true, notes: { text: v.text, checked: v.checked } };
  } catch {
    // Falls through: it opened, but is not notes.
  }
  return { ok: false, reason: 'unreadable' };
}
