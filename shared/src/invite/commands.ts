import { defineCommands } from '../commandKit.js';
import { inviteEventSchemas, type InviteEventResults } from './schemas.js';

export const inviteCommands = defineCommands<InviteEventResults>()(inviteEventSchemas, {
  'invite:replace': {
    summary:
      'Replace the invitation link of one role (the old one stops working), optionally with an expiry.',
    grant: 'moderate',
    log: { says: '{actor} replaced an invitation link' },
    example: { role: 'observer' },
  },
  'invite:excluded': {
    summary: 'List who was removed from the group, with the name they used.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
  'invite:letBack': {
    summary: 'Let someone removed from the group come back.',
    grant: 'moderate',
    log: { says: '{actor} let {target} back into the group', target: 'pid' },
    example: { pid: 'nobody' },
  },
  'identity:deviceCode': {
    summary: 'Get a one-time code to bring one’s identity to another device.',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
});
