import { z } from 'zod';

/**
 * What travels instead of words when a group's meetings are end-to-end encrypted: AES-GCM ciphertext the
 * server relays and cannot open (see client/src/e2ee/messages/). The server checks only its shape and size.
 */
export interface Sealed {
  v: 1;
  /** The media key's generation it was sealed under (the reader picks that key). */
  epoch: number;
  /** 12 random bytes, base64url. */
  iv: string;
  /** Ciphertext and its 16-byte tag, base64url. */
  ct: string;
}

/** Plaintext is padded to a multiple of this many bytes, so a ciphertext's length tells little of the words. */
export const SEALED_PAD = 32;
const TAG_BYTES = 16;

/** The largest ciphertext of a UTF-8 text of `chars` UTF-16 units (at most 3 bytes each), padded, tagged. */
export const sealedBytesFor = (chars: number) =>
  (Math.floor((chars * 3) / SEALED_PAD) + 1) * SEALED_PAD + TAG_BYTES;

const base64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/);
const base64Length = (bytes: number) => Math.ceil((bytes * 4) / 3);

/** A sealed payload whose plaintext is at most `maxBytes` bytes once padded. */
export const sealedSchema = (maxBytes: number) =>
  z
    .object({
      v: z.literal(1),
      epoch: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31),
      iv: base64url(16, 16),
      ct: base64url(base64Length(SEALED_PAD + TAG_BYTES), base64Length(maxBytes)),
    })
    .strict();

/**
 * A private word's one-time key (32 bytes), sealed for one reader with the key only the writer and that
 * reader share; the words themselves are sealed once under it.
 */
export interface WrappedKey {
  iv: string;
  key: string;
}

export const wrappedKeySchema = z
  .object({
    iv: base64url(16, 16),
    key: base64url(base64Length(32 + TAG_BYTES), base64Length(32 + TAG_BYTES)),
  })
  .strict();
