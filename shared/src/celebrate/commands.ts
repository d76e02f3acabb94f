import { defineCommands } from '../commandKit.js';
import { celebrateEventSchemas, type CelebrateEventResults } from './schemas.js';

/**
 * A member (seated or listening) tells; only facilitators read and acknowledge. Never logged: a milestone
 * is the member's own news, and the log is read by every facilitator, later ones included.
 */
export const celebrateCommands = defineCommands<CelebrateEventResults>()(celebrateEventSchemas, {
  'celebrate:tell': {
    summary:
      'Tell the facilitators privately of a milestone (days, months or years), and whether it may be announced to the room.',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    example: { amount: 90, unit: 'days', announce: false },
    broadcasts: ['celebrate:state'],
  },
  'celebrate:withdraw': {
    summary: 'Take back one’s milestone before it is acknowledged.',
    grant: 'speak',
    listeners: true,
    log: 'quiet',
    example: {},
    broadcasts: ['celebrate:state'],
  },
  'celebrate:list': {
    summary: 'The milestones told to the facilitators in this meeting and not yet acknowledged.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
  'celebrate:acknowledge': {
    summary:
      'Acknowledge a member’s milestone: quietly (the member alone hears it), or announced to the room if the member allowed it.',
    grant: 'moderate',
    log: 'quiet',
    example: { pid: 'p', announce: false },
    broadcasts: ['celebrate:state', 'celebrate:acknowledged', 'celebrate:announced'],
  },
});
