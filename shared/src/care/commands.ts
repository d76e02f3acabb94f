import { defineCommands } from '../commandKit.js';
import { careEventSchemas, type CareEventResults } from './schemas.js';

/** Anyone may ask discreetly for support; only someone with a seat can step out of it. */
export const careCommands = defineCommands<CareEventResults>()(careEventSchemas, {
  'care:stepOut': {
    summary: 'Step out for a moment: the seat is kept, the go-around skips one, media turns off.',
    grant: 'speak',
    log: 'quiet',
    example: {},
    broadcasts: ['room:patch'],
  },
  'care:back': {
    summary: 'Come back to the circle after stepping out.',
    grant: 'speak',
    log: 'quiet',
    example: {},
    broadcasts: ['room:patch'],
  },
  'care:support': {
    summary: 'Ask (`on: true`) or stop asking for support; only the facilitators see it.',
    grant: 'listen',
    log: 'quiet',
    example: { on: false },
    broadcasts: ['room:patch', 'moderation:state'],
  },
});
