import { defineCommands } from '../commandKit.js';
import { meetingEventSchemas, type MeetingEventResults } from './schemas.js';

export const meetingCommands = defineCommands<MeetingEventResults>()(meetingEventSchemas, {
  'meeting:open': {
    summary: 'Open the meeting: the opening words are shown and the meeting clock starts.',
    grant: 'moderate',
    log: { says: '{actor} opened the meeting' },
    example: {},
    broadcasts: ['room:patch'],
  },
  'meeting:close': {
    summary: 'Close the meeting for good: everyone gets the closing words and the room empties.',
    grant: 'moderate',
    log: { says: '{actor} closed the meeting' },
    example: {},
    broadcasts: ['meeting:closed'],
  },
  'meeting:pause': {
    summary: 'Pause (`on: true`) or resume the meeting: turn clocks and the meeting clock stop together.',
    grant: 'moderate',
    log: { says: '{actor} paused the meeting', off: '{actor} resumed the meeting' },
    example: { on: false },
    broadcasts: ['room:patch'],
  },
  'meeting:lock': {
    summary: 'Lock (`on: true`) or unlock the meeting: while locked, newcomers wait in the lobby.',
    grant: 'moderate',
    log: { says: '{actor} locked the meeting', off: '{actor} unlocked the meeting' },
    example: { on: false },
    broadcasts: ['room:patch'],
  },
  'meeting:settings': {
    summary: 'Change the group settings it names and answer them all; an empty patch only reads them.',
    grant: 'moderate',
    log: { says: '{actor} changed the group settings' },
    example: {},
  },
  'meeting:deleteGroup': {
    summary: 'Delete the group and everything stored about it; the meeting ends for everyone.',
    grant: 'moderate',
    // Nobody is left to read it.
    log: 'quiet',
    example: { confirm: true },
    broadcasts: ['meeting:closed'],
  },
});
