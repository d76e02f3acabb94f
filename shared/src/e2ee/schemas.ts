import { z } from 'zod';
import { id } from '../schemaParts.js';

/*
 * End-to-end encryption's keys. Every browser makes an ephemeral ECDH P-256 key pair per meeting and
 * publishes its public key; one browser (the key holder, chosen by the server: a facilitator's, or while no
 * facilitator can, the member present longest) makes each generation (epoch) of the meeting's media key
 * and wraps it for every admitted person's public key. The server keeps public keys in the room's memory
 * and relays each wrapped key to its one recipient: it never holds a key that opens anything.
 */

/** What happens to a browser without encoded transforms in a group whose meetings are encrypted. */
export const E2EE_FALLBACKS = ['no-media', 'refuse'] as const;
export type E2eeFallback = (typeof E2EE_FALLBACKS)[number];

const base64url = (chars: number) =>
  z
    .string()
    .length(chars)
    .regex(/^[A-Za-z0-9_-]+$/);

/** A raw uncompressed P-256 point (65 bytes), base64url without padding. */
export const E2EE_PUBLIC_KEY_CHARS = 87;
/** AES-GCM's 12-byte nonce. */
export const E2EE_IV_CHARS = 16;
/** The 32-byte media key and its 16-byte tag. */
export const E2EE_WRAPPED_CHARS = 64;
/**
 * Wrapped keys per `e2ee:wrap`: a larger room sends several for one epoch (a frame of 16 KiB holds about
 * a hundred of them, each some 130 bytes of JSON).
 */
export const E2EE_WRAPS_MAX = 96;
/**
 * Connections one person may hold keys on at once (two tabs, a phone added for the camera…): each has its
 * own key pair, and the key holder wraps each epoch for each of them.
 */
export const E2EE_DEVICES_MAX = 4;
/** The opaque id the server gives one connection's public key (never the socket's id). */
export const E2EE_DEVICE_CHARS = 16;
/** Epochs grow through a meeting, across restarts and node takeovers too (see server/src/e2ee/). */
export const E2EE_EPOCH_MAX = 2 ** 31;

const publicKey = base64url(E2EE_PUBLIC_KEY_CHARS);
const epoch = z.number().int().min(1).max(E2EE_EPOCH_MAX);

export const e2eeEventSchemas = {
  'e2ee:publish': z
    .object({
      key: publicKey,
      /** The newest epoch this browser holds (0: none), when it publishes again after a reconnect. */
      have: z.number().int().min(0).max(E2EE_EPOCH_MAX).optional(),
    })
    .strict(),
  'e2ee:wrap': z
    .object({
      epoch,
      wraps: z
        .array(
          z
            .object({
              to: id,
              /** Which of `to`'s connections (from `e2ee:rekey`); without it, their newest one. */
              device: base64url(E2EE_DEVICE_CHARS).optional(),
              iv: base64url(E2EE_IV_CHARS),
              key: base64url(E2EE_WRAPPED_CHARS),
            })
            .strict(),
        )
        .min(1)
        .max(E2EE_WRAPS_MAX),
    })
    .strict(),
} as const;

/** What this meeting's encryption looks like from the server's side (everything in it is public). */
export interface E2eeState {
  /** The group's meetings are end-to-end encrypted. */
  enabled: boolean;
  fallback: E2eeFallback;
  /** Whose browser makes and hands out the keys (a facilitator, else a member); null while nobody can. */
  holder: string | null;
  /** The newest epoch asked for (its key may still be on its way). */
  epoch: number;
  /** Admitted people's public keys, by pid: their newest connection's (pair keys use it). */
  peers: Record<string, string>;
  /** Every public key of each admitted person, one per connection (at most E2EE_DEVICES_MAX), oldest first. */
  devices: Record<string, string[]>;
}

export interface E2eeEventResults {
  'e2ee:publish': E2eeState;
  'e2ee:wrap': null;
}

export interface E2eeServerEvents {
  /** The whole picture: after the room was (re)loaded on a node, after a setting or the key holder changed. */
  'e2ee:state': (state: E2eeState) => void;
  /** One person's newest public key came (`key`) or went (null: no connection of theirs has one now). */
  'e2ee:peer': (peer: { pid: string; key: string | null }) => void;
  /**
   * To the key holder's connection only: make the key of `epoch` and wrap it for exactly these connections
   * (every connection of every admitted person with a public key, the holder's other devices too, but not
   * this one). Any earlier epoch still being wrapped is stale.
   */
  'e2ee:rekey': (order: { epoch: number; devices: { pid: string; device: string; key: string }[] }) => void;
  /** To its one recipient connection: the key of `epoch`, wrapped by `from` (whose public key the server knows as `fromKey`). */
  'e2ee:key': (wrapped: { epoch: number; from: string; fromKey: string; iv: string; key: string }) => void;
}

/** A group's encryption settings as stored: groups from before the setting existed are not encrypted. */
export function groupE2ee(settings: {
  e2ee?: boolean;
  e2eeFallback?: E2eeFallback;
}): { fallback: E2eeFallback } | null {
  return settings.e2ee === true ? { fallback: settings.e2eeFallback ?? 'no-media' } : null;
}
