import { defineCommands } from '../commandKit.js';
import { fairnessEventSchemas, type FairnessEventResults } from './schemas.js';

export const fairnessCommands = defineCommands<FairnessEventResults>()(fairnessEventSchemas, {
  'fairness:view': {
    summary: 'Read the talk-time shares of this meeting; members never see them.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
});
