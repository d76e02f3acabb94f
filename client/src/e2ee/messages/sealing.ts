import { SEALED_PAD, type Sealed } from '@circle/shared';

/**
 * Words sealed with AES-256-GCM so the server relays what it cannot read or move. The associated data
 * names the purpose, the meeting, the writer and the reader ('room' for everyone in it), and the epoch:
 * a ciphertext the server replays under another writer, to another reader, into another meeting or
 * another kind of message fails to open. Pure functions over WebCrypto, run by the browser and by
 * Node's tests alike.
 */

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export type Bytes = Uint8Array<ArrayBuffer>;

/** Each kind of message has its own key (derived with this label) and its own associated data. */
export const PURPOSES = {
  chat: 'circle chat v1', // i18n-exempt: an HKDF label, never shown
  notes: 'circle exercise notes v1', // i18n-exempt: an HKDF label, never shown
  privateWord: 'circle private word v1', // i18n-exempt: an HKDF label, never shown
  privateWordKey: 'circle private word key v1', // i18n-exempt: an HKDF label, never shown
} as const;
export type Purpose = keyof typeof PURPOSES;

/** Where a message belongs; every field is bound into its ciphertext. */
export interface SealContext {
  purpose: Purpose;
  meetingId: string;
  /** The writer's pid. */
  from: string;
  /** 'room' (everyone in the meeting), or the pid of the one it is for. */
  to: string;
  /** What else it belongs with (a wrapped key: the iv of the words it opens). */
  about?: string;
}

export function toBase64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null for anything that is not base64url. */
export function fromBase64url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function associatedData(ctx: SealContext, epoch: number): Bytes {
  return encoder.encode(
    JSON.stringify([
      'circle',
      1,
      PURPOSES[ctx.purpose],
      ctx.meetingId,
      ctx.from,
      ctx.to,
      ctx.about ?? '',
      epoch,
    ]),
  );
}

/** The key of one purpose for one epoch: HKDF-SHA-256 of the meeting's media key, labelled with the purpose. */
export async function purposeKey(raw: Uint8Array, purpose: Purpose): Promise<CryptoKey> {
  const ikm = await subtle.importKey('raw', raw as Bytes, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(PURPOSES[purpose]) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** ISO/IEC 7816-4 padding to a multiple of SEALED_PAD bytes: 0x80, then zeros. */
function pad(bytes: Uint8Array): Bytes {
  const out = new Uint8Array((Math.floor(bytes.length / SEALED_PAD) + 1) * SEALED_PAD);
  out.set(bytes);
  out[bytes.length] = 0x80;
  return out;
}

function unpad(bytes: Uint8Array): Uint8Array | null {
  let end = bytes.length - 1;
  while (end >= 0 && bytes[end] === 0) end--;
  return end >= 0 && bytes[end] === 0x80 ? bytes.subarray(0, end) : null;
}

/** Seals exactly these bytes (`padded`: words, whose length should tell little; a key is sent as it is). */
export async function sealBytes(
  key: CryptoKey,
  epoch: number,
  ctx: SealContext,
  plain: Uint8Array,
  padded = true,
): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = padded ? pad(plain) : (plain as Bytes);
  const ct = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(ctx, epoch) },
    key,
    data,
  );
  return { v: 1, epoch, iv: toBase64url(iv), ct: toBase64url(new Uint8Array(ct)) };
}

/** The plaintext, or null when it does not open here (another key, context or epoch; altered bytes). */
export async function openBytes(
  key: CryptoKey,
  sealed: Sealed,
  ctx: SealContext,
  padded = true,
): Promise<Uint8Array | null> {
  const iv = fromBase64url(sealed.iv);
  const ct = fromBase64url(sealed.ct);
  if (sealed.v !== 1 || !iv || iv.length !== 12 || !ct) return null;
  try {
    const plain = new Uint8Array(
      await subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: associatedData(ctx, sealed.epoch) },
        key,
        ct,
      ),
    );
    return padded ? unpad(plain) : plain;
  } catch {
    return null;
  }
}

export const sealText = (key: CryptoKey, epoch: number, ctx: SealContext, text: string) =>
  sealBytes(key, epoch, ctx, encoder.encode(text));

export async function openText(key: CryptoKey, sealed: Sealed, ctx: SealContext): Promise<string | null> {
  const bytes = await openBytes(key, sealed, ctx);
  if (!bytes) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
