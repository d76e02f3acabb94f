import { defineCommands } from '../commandKit.js';
import { buddyEventSchemas, type BuddyEventResults } from './schemas.js';

/** Come with a buddy. Never logged: who brings whom to a first meeting is theirs. */
export const buddyCommands = defineCommands<BuddyEventResults>()(buddyEventSchemas, {
  'buddy:invite': {
    summary:
      'Create a one-time invitation for someone one accompanies to their first meeting (7 days, at most 3 open).',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    example: {},
  },
  'buddy:overview': {
    summary:
      'Pairs and first-meeting newcomers as the sender may see them (facilitators: all; others: their own pair and who said yes to everyone).',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
});
