/**
 * Encrypted media frames in the shape of SFrame (RFC 9605), cipher suite AES_128_GCM_SHA256_128:
 *
 *   [clear prefix][SFrame header: KID = key epoch, CTR][AES-GCM ciphertext + 16-byte tag]
 *
 * The clear prefix is what the SFU must read (the first bytes of a VP8 frame); it and the header are the
 * associated data, so neither can be changed without the frame failing to open. Each sender has its own
 * key, derived from the epoch's meeting key and the sender's id, so two senders never share a nonce.
 * Pure functions over WebCrypto: the same code runs in the browser's Worker and in Node's tests.
 */

const subtle = globalThis.crypto.subtle;

/** Bytes over a plain ArrayBuffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;
const encoder = new TextEncoder();

/** RFC 9605 §8.1: AES_128_GCM_SHA256_128. */
export const CIPHER_SUITE = 0x0004;
const KEY_BYTES = 16;
const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
/** Counters and key ids are kept below 2^53 (exact in a JS number); 7 bytes cover them. */
const MAX_FIELD_BYTES = 7;
/** HKDF labels: RFC 9605 §4.4.2's, and ours for the per-sender base key. */
const SENDER_LABEL = 'Circle media sender'; // i18n-exempt: an HKDF salt, never shown
const KEY_LABEL = 'SFrame 1.0 Secret key '; // i18n-exempt: RFC 9605's HKDF label
const SALT_LABEL = 'SFrame 1.0 Secret salt '; // i18n-exempt: RFC 9605's HKDF label

/** One sender's key for one epoch, imported once and reused for every frame. */
export interface FrameKey {
  epoch: number;
  key: CryptoKey;
  salt: Bytes;
}

/**
 * The key id of frames sealed with a side room pair's own key (never a meeting epoch): a receiver knows
 * from it to open them with the key it shares with their sender alone.
 */
export const PAIR_KID = 2 ** 40 - 1;

const SOURCES = ['mic', 'camera', 'screen'];

/**
 * A side room pair's key (ECDH of the two people's meeting key pairs, an AES-GCM key both hold) as a
 * FrameKey for one sender's track. Both directions share the key, so the nonces are kept apart: the salt's
 * first byte says which of the two sends (by the order of their pids), the second which track.
 */
export function pairFrameKey(key: CryptoKey, senderId: string, peerPid: string): FrameKey {
  const [pid = '', source = ''] = senderId.split('/');
  const salt = new Uint8Array(NONCE_BYTES);
  salt[0] = pid < peerPid ? 1 : 2;
  salt[1] = SOURCES.indexOf(source) + 1;
  return { epoch: PAIR_KID, key, salt };
}

/** What the SFU reads of a frame: for VP8, 10 bytes of a key frame (size, key-frame bit) or 3 of a delta. */
export function clearBytes(kind: 'audio' | 'video', keyFrame: boolean): number {
  if (kind === 'audio') return 0; // Opus: the SFU never parses the payload.
  return keyFrame ? 10 : 3;
}

function hkdf(ikm: CryptoKey, salt: Bytes, info: Bytes, bytes: number): Promise<ArrayBuffer> {
  return subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, ikm, bytes * 8);
}

function label(text: string, epoch: number): Bytes {
  // RFC 9605 §4.4.2: label || KID (8 bytes) || cipher suite (2 bytes).
  const head = encoder.encode(text);
  const out = new Uint8Array(head.length + 10);
  out.set(head);
  const view = new DataView(out.buffer);
  view.setUint32(head.length, Math.floor(epoch / 2 ** 32));
  view.setUint32(head.length + 4, epoch >>> 0);
  view.setUint16(head.length + 8, CIPHER_SUITE);
  return out;
}

/**
 * The sender's SFrame key and salt for an epoch: first a per-sender base key (HKDF of the meeting key with
 * the sender's id), then RFC 9605's "SFrame 1.0 Secret key/salt" expansions of it.
 */
export async function deriveFrameKey(raw: Uint8Array, epoch: number, senderId: string): Promise<FrameKey> {
  const meeting = await subtle.importKey('raw', raw as Bytes, 'HKDF', false, ['deriveBits']);
  const base = await hkdf(meeting, encoder.encode(SENDER_LABEL), encoder.encode(senderId), 32);
  const secret = await subtle.importKey('raw', base, 'HKDF', false, ['deriveBits']);
  const none = new Uint8Array(0);
  const [keyBits, salt] = await Promise.all([
    hkdf(secret, none, label(KEY_LABEL, epoch), KEY_BYTES),
    hkdf(secret, none, label(SALT_LABEL, epoch), NONCE_BYTES),
  ]);
  const key = await subtle.importKey('raw', keyBits, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { epoch, key, salt: new Uint8Array(salt) };
}

/** Big-endian bytes needed for a value (at least one). */
function width(value: number): number {
  let n = 1;
  while (n < MAX_FIELD_BYTES && value >= 2 ** (8 * n)) n++;
  return n;
}

function writeField(out: Uint8Array, at: number, value: number, bytes: number): void {
  for (let i = bytes - 1; i >= 0; i--) {
    out[at + i] = value % 256;
    value = Math.floor(value / 256);
  }
}

function readField(buf: Uint8Array, at: number, bytes: number): number {
  let v = 0;
  for (let i = 0; i < bytes; i++) v = v * 256 + buf[at + i]!;
  return v;
}

/** The SFrame header's length for a key id and counter. */
export function headerLength(kid: number, ctr: number): number {
  return 1 + (kid < 8 ? 0 : width(kid)) + (ctr < 8 ? 0 : width(ctr));
}

/** RFC 9605 §4.3: |X|K K K|Y|C C C| then the long KID, then the long CTR. Returns the bytes written. */
export function writeHeader(out: Uint8Array, at: number, kid: number, ctr: number): number {
  let n = 1;
  let first = 0;
  if (kid < 8) first |= kid << 4;
  else {
    const w = width(kid);
    first |= 0x80 | ((w - 1) << 4);
    writeField(out, at + n, kid, w);
    n += w;
  }
  if (ctr < 8) first |= ctr;
  else {
    const w = width(ctr);
    first |= 0x08 | (w - 1);
    writeField(out, at + n, ctr, w);
    n += w;
  }
  out[at] = first;
  return n;
}

export function readHeader(buf: Uint8Array, at: number): { kid: number; ctr: number; length: number } | null {
  if (at >= buf.length) return null;
  const first = buf[at]!;
  let n = 1;
  let kid = (first >> 4) & 0x07;
  if (first & 0x80) {
    const w = kid + 1;
    if (w > MAX_FIELD_BYTES || at + n + w > buf.length) return null;
    kid = readField(buf, at + n, w);
    n += w;
  }
  let ctr = first & 0x07;
  if (first & 0x08) {
    const w = ctr + 1;
    if (w > MAX_FIELD_BYTES || at + n + w > buf.length) return null;
    ctr = readField(buf, at + n, w);
    n += w;
  }
  return { kid, ctr, length: n };
}

/** nonce = salt XOR counter (big-endian, left-padded): written into `nonce`, which callers reuse. */
function nonceFor(k: FrameKey, ctr: number, nonce: Bytes): Bytes {
  nonce.set(k.salt);
  for (let i = NONCE_BYTES - 1; i >= NONCE_BYTES - MAX_FIELD_BYTES; i--) {
    nonce[i]! ^= ctr % 256;
    ctr = Math.floor(ctr / 256);
  }
  return nonce;
}

/**
 * Encrypts one frame with counter `ctr` (never reused with the same key), leaving `clear` bytes readable.
 * `nonce` is a 12-byte scratch buffer (WebCrypto copies it before returning).
 */
export async function sealFrame(
  k: FrameKey,
  ctr: number,
  frame: Bytes,
  clear: number,
  nonce: Bytes = new Uint8Array(NONCE_BYTES),
): Promise<Bytes> {
  clear = Math.min(clear, frame.length);
  const hlen = headerLength(k.epoch, ctr);
  const body = frame.length - clear;
  const out = new Uint8Array(clear + hlen + body + TAG_BYTES);
  out.set(frame.subarray(0, clear));
  writeHeader(out, clear, k.epoch, ctr);
  const sealed = await subtle.encrypt(
    { name: 'AES-GCM', iv: nonceFor(k, ctr, nonce), additionalData: out.subarray(0, clear + hlen) },
    k.key,
    frame.subarray(clear),
  );
  out.set(new Uint8Array(sealed), clear + hlen);
  return out;
}

/** The key id and counter of a sealed frame, read before choosing a key; null if it is not one. */
export function peekFrame(frame: Uint8Array, clear: number): { kid: number; ctr: number } | null {
  const h = readHeader(frame, Math.min(clear, frame.length));
  if (!h || Math.min(clear, frame.length) + h.length + TAG_BYTES > frame.length) return null;
  return { kid: h.kid, ctr: h.ctr };
}

/** Decrypts a sealed frame with the key of its epoch; null if it does not authenticate. */
export async function openFrame(
  k: FrameKey,
  frame: Bytes,
  clear: number,
  nonce: Bytes = new Uint8Array(NONCE_BYTES),
): Promise<Bytes | null> {
  clear = Math.min(clear, frame.length);
  const h = readHeader(frame, clear);
  if (!h || h.kid !== k.epoch || clear + h.length + TAG_BYTES > frame.length) return null;
  const aad = clear + h.length;
  let plain: ArrayBuffer;
  try {
    plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: nonceFor(k, h.ctr, nonce), additionalData: frame.subarray(0, aad) },
      k.key,
      frame.subarray(aad),
    );
  } catch {
    return null;
  }
  const out = new Uint8Array(clear + plain.byteLength);
  out.set(frame.subarray(0, clear));
  out.set(new Uint8Array(plain), clear);
  return out;
}

/**
 * Replay protection for one sender and epoch: a counter is accepted once, and only if it is within
 * `size` of the highest seen (frames arrive a little out of order; older ones are dropped).
 */
export class ReplayWindow {
  private top = -1;
  private readonly seen: Float64Array;

  constructor(private readonly size = 128) {
    this.seen = new Float64Array(size).fill(-1);
  }

  /** Whether `ctr` would be accepted (checked before decrypting). */
  fresh(ctr: number): boolean {
    if (ctr > this.top) return true;
    return this.top - ctr < this.size && this.seen[ctr % this.size] !== ctr;
  }

  /** Records an authenticated counter (only then: forged frames must not shift the window). */
  mark(ctr: number): void {
    this.seen[ctr % this.size] = ctr;
    if (ctr > this.top) this.top = ctr;
  }
}
