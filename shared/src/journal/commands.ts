import { defineCommands } from '../commandKit.js';
import { journalEventSchemas, type JournalEventResults } from './schemas.js';

/**
 * A member's own journal needs only to be in the room (`listen`): it is theirs whatever their role.
 * Reading what members shared is a facilitator's (`moderate`). Never logged: the words are the member's.
 */
export const journalCommands = defineCommands<JournalEventResults>()(journalEventSchemas, {
  'journal:write': {
    summary:
      'Add an entry to one’s own journal: what one took from the meeting, a goal, quick picks, a face.',
    grant: 'listen',
    log: 'quiet',
    example: { kind: 'meeting', took: 'Listening helped.', goal: '', picks: [], mood: null, shared: false },
  },
  'journal:mine': {
    summary: 'One’s own journal entries, newest first (the last one is shown in the room).',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
  'journal:share': {
    summary: 'Share (`on: true`) one of one’s entries with the group’s facilitators, or stop sharing it.',
    grant: 'listen',
    log: 'quiet',
    example: { id: 'entry-id', on: false },
  },
  'journal:delete': {
    summary: 'Delete one of one’s own journal entries.',
    grant: 'listen',
    log: 'quiet',
    example: { id: 'entry-id' },
  },
  'journal:shared': {
    summary: 'The entries members chose to share with the facilitators, newest first.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
});
