import { defineCommands } from '../commandKit.js';
import { chatEventSchemas, type ChatEventResults } from './schemas.js';

/** Observers read the chat but never write in it; the private word is between facilitators and members. */
export const chatCommands = defineCommands<ChatEventResults>()(chatEventSchemas, {
  'chat:send': {
    summary: 'Write in the room’s chat (refused with CONFLICT while the chat is off).',
    grant: 'speak',
    log: 'quiet',
    example: { text: 'hello' },
    broadcasts: ['chat:message'],
  },
  'chat:delete': {
    summary: 'Delete a chat message for everyone.',
    grant: 'moderate',
    log: { says: '{actor} deleted a chat message', outsideRecord: true },
    example: { id: 'nothing' },
    broadcasts: ['chat:deleted'],
  },
  'chat:toggle': {
    summary: 'Turn the chat on or off.',
    grant: 'moderate',
    log: { says: '{actor} turned the chat on', off: '{actor} turned the chat off' },
    example: { on: true },
    broadcasts: ['room:patch'],
  },
  'chat:history': {
    summary: 'Catch up: the chat, one’s private words with the facilitators, side room and support request.',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
  'chat:whisper': {
    summary: 'A private word: a member to the facilitators (no `to`), a facilitator to one member (`to`).',
    grant: 'speak',
    log: 'quiet',
    example: { text: 'hello' },
    broadcasts: ['chat:whisper'],
  },
});
