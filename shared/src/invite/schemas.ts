import { z } from 'zod';
import { ROLES } from '../protocol.js';
import { empty, id, token } from '../schemaParts.js';

import { DEVICE_CODE_ALPHABET, DEVICE_CODE_LENGTH } from './deviceCode.js';

export { DEVICE_CODE_ALPHABET, DEVICE_CODE_LENGTH, DEVICE_CODE_TTL_MS } from './deviceCode.js';

/**
 * Invitation links and who may use them: facilitators replace a link (optionally with an expiry date),
 * see who was removed from the group and let them back in. A person adds a device with a one-time code.
 */
export const inviteEventSchemas = {
  'invite:replace': z
    .object({
      role: z.enum(ROLES),
      /** Epoch milliseconds after which the new link is refused; null or absent: no end. */
      expiresAt: z.number().int().positive().nullable().optional(),
    })
    .strict(),
  'invite:excluded': empty,
  'invite:letBack': z.object({ pid: id }).strict(),
  'identity:deviceCode': empty,
} as const;

/**
 * An invitation token, sent in a request body: never in an address a server or proxy would log. A page
 * reloaded inside a meeting adds the identity it holds, so a link replaced meanwhile still opens for it.
 */
export const InviteLookupSchema = z.object({ token, identity: token.optional() }).strict();

/** The other device's request: the group's link and the code read off the first device. */
export const DeviceCodeExchangeSchema = z
  .object({
    token,
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(new RegExp(`^[${DEVICE_CODE_ALPHABET}]{${DEVICE_CODE_LENGTH}}$`)),
  })
  .strict();

/** Someone removed from the group, with the name they used, until a facilitator lets them back in. */
export interface ExcludedPerson {
  pid: string;
  name: string;
  since: number;
}

export interface InviteEventResults {
  'invite:replace': { link: string; expiresAt: number | null };
  'invite:excluded': ExcludedPerson[];
  'invite:letBack': null;
  'identity:deviceCode': { code: string; expiresAt: number };
}

export interface InviteServerEvents {
  /** Another device now holds this person's identity (a code was exchanged). */
  'identity:deviceAdded': () => void;
}

export interface DeviceCodeExchangeResult {
  groupId: string;
  identity: string;
}
