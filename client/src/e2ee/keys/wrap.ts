/**
 * The key exchange, as pure WebCrypto functions (the same code runs in the browser and in Node's tests):
 *
 * - each browser makes an ephemeral ECDH P-256 key pair per meeting; its private key cannot be exported;
 * - two browsers derive the same secret from their pair and the other's public key (ECDH), and from it with
 *   HKDF a wrapping key (AES-GCM) and, for private words, a pair key;
 * - the key holder wraps each epoch's 32-byte media key with AES-GCM under the wrapping key it shares with
 *   each recipient; the epoch and both pids are associated data, so a wrapped key cannot be replayed to
 *   another person or as another epoch.
 */

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();

export type Bytes = Uint8Array<ArrayBuffer>;

export const MEDIA_KEY_BYTES = 32;
const IV_BYTES = 12;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export function toBase64url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Bytes {
  const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(plain.length);
  for (let i = 0; i < plain.length; i++) out[i] = plain.charCodeAt(i);
  return out;
}

export interface MeetingKeyPair {
  /** Never leaves this browser: WebCrypto refuses to export it. */
  privateKey: CryptoKey;
  /** The raw public point, base64url: what the server relays to everyone. */
  publicKey: string;
}

export async function makeKeyPair(): Promise<MeetingKeyPair> {
  const pair = await subtle.generateKey(ECDH, false, ['deriveBits']);
  const raw = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64url(raw) };
}

/** The HKDF input both sides compute from their own private key and the other's public key. */
export async function sharedSecret(mine: CryptoKey, theirPublicKey: string): Promise<CryptoKey> {
  const theirs = await subtle.importKey('raw', fromBase64url(theirPublicKey), ECDH, false, []);
  const bits = await subtle.deriveBits({ name: 'ECDH', public: theirs }, mine, 256);
  return subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
}

function derive(secret: CryptoKey, info: string): Promise<CryptoKey> {
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
    secret,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The key wrapping media keys between two people (the same whichever of them derives it). */
export const wrappingKey = (secret: CryptoKey) => derive(secret, 'Circle e2ee wrap v1'); // i18n-exempt: a key derivation label

/** A key for two people only (private words, a side room pair): its label names both, in a fixed order. */
export const pairKeyFrom = (secret: CryptoKey, a: string, b: string) =>
  derive(secret, `Circle e2ee pair v1 ${[a, b].sort().join(' ')}`); // i18n-exempt: a key derivation label

const wrapLabel = (epoch: number, from: string, to: string) =>
  encoder.encode(`Circle e2ee media key v1 ${epoch} ${from} ${to}`); // i18n-exempt: a key derivation label

export interface WrappedKey {
  iv: string;
  key: string;
}

export async function wrapMediaKey(
  wrapping: CryptoKey,
  raw: Uint8Array,
  ad: { epoch: number; from: string; to: string },
): Promise<WrappedKey> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapLabel(ad.epoch, ad.from, ad.to) },
    wrapping,
    raw as Bytes,
  );
  return { iv: toBase64url(iv), key: toBase64url(new Uint8Array(sealed)) };
}

/** The media key, or a rejection when the wrap was not made for this epoch, sender and recipient. */
export async function unwrapMediaKey(
  wrapping: CryptoKey,
  wrapped: WrappedKey,
  ad: { epoch: number; from: string; to: string },
): Promise<Uint8Array> {
  const raw = await subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64url(wrapped.iv), additionalData: wrapLabel(ad.epoch, ad.from, ad.to) },
    wrapping,
    fromBase64url(wrapped.key),
  );
  if (raw.byteLength !== MEDIA_KEY_BYTES) throw new Error('not a media key');
  return new Uint8Array(raw);
}

export const newMediaKey = (): Uint8Array =>
  globalThis.crypto.getRandomValues(new Uint8Array(MEDIA_KEY_BYTES));
