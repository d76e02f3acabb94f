import { defineCommands } from '../commandKit.js';
import { moderationEventSchemas, type ModerationEventResults } from './schemas.js';

/** Facilitators are not moderated by each other: acting on a facilitator answers FORBIDDEN. */
export const moderationCommands = defineCommands<ModerationEventResults>()(moderationEventSchemas, {
  'moderation:view': {
    summary: 'Read the facilitators’ view: support requests, side rooms, the action log, absence notices.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
  'moderation:nudge': {
    summary: 'Send one member a gentle note only they see.',
    grant: 'moderate',
    log: { says: '{actor} nudged {target}', target: 'pid', outsideRecord: true },
    example: { pid: 'nobody', text: 'A gentle note' },
    broadcasts: ['moderation:nudged'],
  },
  'moderation:toLobby': {
    summary: 'Send someone back to the lobby with a short message; newcomers then wait there too.',
    grant: 'moderate',
    log: { says: '{actor} sent {target} back to the lobby', target: 'pid' },
    example: { pid: 'nobody', message: '' },
    broadcasts: ['moderation:sentToLobby', 'room:patch'],
  },
  'moderation:remove': {
    summary: 'Remove someone from this meeting; they are refused if they come back to it.',
    grant: 'moderate',
    log: { says: '{actor} removed {target} from the meeting', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['moderation:removed', 'room:patch'],
  },
  'moderation:removeFromGroup': {
    summary: 'The last resort: remove someone and refuse them at later meetings until let back in.',
    grant: 'moderate',
    log: { says: '{actor} removed {target} from the group', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['moderation:removed', 'room:patch'],
  },
  'moderation:sideOpen': {
    summary: 'Open a side room with one seated member: both step out of the circle for a while.',
    grant: 'moderate',
    log: { says: '{actor} opened a side room with {target}', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['moderation:sideRoom', 'room:patch', 'moderation:state'],
  },
  'moderation:sideClose': {
    summary: 'End the side room a member is in: both come back to the circle.',
    grant: 'moderate',
    log: { says: '{actor} ended the side room with {target}', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['moderation:sideRoom', 'room:patch', 'moderation:state'],
  },
  'moderation:supportSeen': {
    summary: 'Mark someone’s support request as seen.',
    grant: 'moderate',
    log: { says: '{actor} saw the support request of {target}', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['room:patch', 'moderation:state'],
  },
});
