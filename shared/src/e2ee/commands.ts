import { defineCommands } from '../commandKit.js';
import { E2EE_EPOCH_MAX, e2eeEventSchemas, type E2eeEventResults } from './schemas.js';

const noKey = 'A'.repeat(87);

/**
 * Everyone admitted (observers too: they receive media) publishes a public key; only the browser the server
 * chose as key holder (a facilitator's, or while no facilitator can, a member's, a listener's too) sends
 * wrapped keys, for the epoch it asked for: the handler checks who holds.
 */
export const e2eeCommands = defineCommands<E2eeEventResults>()(e2eeEventSchemas, {
  'e2ee:publish': {
    summary:
      'Publish this browser’s public key for the meeting (ECDH P-256, raw, base64url); answers the encryption state.',
    grant: 'listen',
    log: 'quiet',
    example: { key: noKey },
    broadcasts: ['e2ee:peer'],
  },
  'e2ee:wrap': {
    summary:
      'Key holder: the media key of the epoch asked for, wrapped for admitted people; each goes to its recipient only.',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    // Never the epoch asked for (epochs count milliseconds of the meeting): the example is STALE.
    example: { epoch: E2EE_EPOCH_MAX, wraps: [{ to: 'nobody', iv: 'A'.repeat(16), key: 'A'.repeat(64) }] },
  },
});
