import { defineCommands } from '../commandKit.js';
import { attendanceEventSchemas, type AttendanceEventResults } from './schemas.js';

/** Anyone admitted may ask for a proof; only a facilitator can issue (or decline) it. */
export const attendanceCommands = defineCommands<AttendanceEventResults>()(attendanceEventSchemas, {
  'attendance:ask': {
    summary:
      'Ask the facilitators for a proof of attendance naming one by initials (default) or first name; only they see it.',
    grant: 'listen',
    log: 'quiet',
    example: { shownAs: 'initials' },
    broadcasts: ['moderation:state'],
  },
  'attendance:decide': {
    summary: 'Approve (a proof with a verification code goes to the member alone) or decline a request.',
    grant: 'moderate',
    log: {
      says: '{actor} answered the proof-of-attendance request of {target}',
      target: 'pid',
      outsideRecord: true,
    },
    example: { pid: 'p', approve: false },
    broadcasts: ['moderation:state', 'attendance:proof', 'attendance:declined'],
  },
});
