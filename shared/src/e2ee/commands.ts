import { defineCommands } from '../commandKit.js';
import { e2eeEventSchemas, type E2eeEventResults } from './schemas.js';

const noKey = 'A'.repeat(87);

/**
 * Everyone admitted (observers too: they receive media) publishes a public key; only a facilitator's
 * browser sends wrapped keys, and only the one the server chose as key holder, for the epoch it asked for.
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
    grant: 'moderate',
    log: 'quiet',
    example: { epoch: 1, wraps: [{ to: 'nobody', iv: 'A'.repeat(16), key: 'A'.repeat(64) }] },
  },
});
