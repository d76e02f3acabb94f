import { describe, expect, it } from 'vitest';
import { floorEventSchemas } from './floor/schemas.js';
import { GroupSettingsSchema, MeetingSettingsSchema } from './group.js';
import { LIMITS } from './protocol.js';

// The client forms check these bounds by hand (zod in the browser trips the strict CSP) using LIMITS;
// these tests hold the schemas to the same edges, so the two cannot drift apart.
const group = (patch: Record<string, unknown>) =>
  GroupSettingsSchema.safeParse({ name: 'Tuesday', ...patch }).success;
const minutes = MeetingSettingsSchema.shape.meetingMinutes;
const turnLimit = floorEventSchemas['floor:settings'];
const round = floorEventSchemas['floor:round'];

describe('limits shared by the schemas and the client forms', () => {
  it('a meeting lasts from meetingMinutesMin to meetingMinutesMax minutes, at creation and in the settings', () => {
    for (const [n, ok] of [
      [LIMITS.meetingMinutesMin - 1, false],
      [LIMITS.meetingMinutesMin, true],
      [LIMITS.meetingMinutesMax, true],
      [LIMITS.meetingMinutesMax + 1, false],
    ] as const) {
      expect(minutes.safeParse(n).success, `settings ${n}`).toBe(ok);
      expect(group({ meetingMinutes: n }), `creation ${n}`).toBe(ok);
    }
  });

  it('a turn limit lasts from turnLimitSecMin to turnLimitSecMax seconds: the group, the settings, a round', () => {
    for (const [n, ok] of [
      [LIMITS.turnLimitSecMin - 1, false],
      [LIMITS.turnLimitSecMin, true],
      [LIMITS.turnLimitSecMax, true],
      [LIMITS.turnLimitSecMax + 1, false],
    ] as const) {
      expect(group({ turnLimitSec: n }), `creation ${n}`).toBe(ok);
      expect(turnLimit.safeParse({ turnLimitSec: n }).success, `settings ${n}`).toBe(ok);
      expect(round.safeParse({ limitSec: n }).success, `round ${n}`).toBe(ok);
    }
  });

  it('capacity, sessions and attendance retention end where LIMITS says', () => {
    expect(group({ capacity: LIMITS.capacityMin })).toBe(true);
    expect(group({ capacity: LIMITS.capacityMin - 1 })).toBe(false);
    expect(group({ kind: 'reformed', sessions: LIMITS.sessionsMax })).toBe(true);
    expect(group({ kind: 'reformed', sessions: LIMITS.sessionsMax + 1 })).toBe(false);
    expect(group({ retentionDays: LIMITS.retentionDaysMax })).toBe(true);
    expect(group({ retentionDays: LIMITS.retentionDaysMax + 1 })).toBe(false);
  });
});
