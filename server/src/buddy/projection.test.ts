import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../room/records.js';
import { companionOf, facilitatorsOverview, overviewFor } from './projection.js';

const person = (pid: string, extra: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  pid,
  name: pid.toUpperCase(),
  role: 'member',
  joinedAt: 0,
  admitted: true,
  waitingSince: null,
  offlineSince: null,
  ...extra,
});

const rec = {
  participants: {
    fran: person('fran', { role: 'facilitator' }),
    ana: person('ana'),
    nia: person('nia', { admitted: false, buddyOf: 'ana', firstMeeting: 'facilitators' as const }),
    ola: person('ola', { firstMeeting: 'everyone' as const }),
    cy: person('cy'),
  },
};

describe('who sees buddies and first meetings', () => {
  it('shows the facilitators every pair and every newcomer who asked to be welcomed', () => {
    expect(facilitatorsOverview(rec)).toEqual({
      pairs: [{ companion: 'ana', newcomer: 'nia' }],
      firstMeeting: ['nia', 'ola'],
    });
    expect(overviewFor(rec, { pid: 'fran', role: 'facilitator' }).firstMeeting).toEqual(['nia', 'ola']);
  });

  it('shows a member only their own pair and who said yes to everyone', () => {
    expect(overviewFor(rec, { pid: 'cy', role: 'member' })).toEqual({
      pairs: [],
      firstMeeting: ['ola'],
      companion: null,
    });
    expect(overviewFor(rec, { pid: 'ana', role: 'member' })).toEqual({
      pairs: [{ companion: 'ana', newcomer: 'nia' }],
      firstMeeting: ['ola'],
      companion: { pid: 'nia', name: 'NIA', waiting: true, iAmNewcomer: false },
    });
  });

  it('shows each of a pair where the other is', () => {
    expect(companionOf(rec, 'nia')).toEqual({ pid: 'ana', name: 'ANA', waiting: false, iAmNewcomer: true });
    expect(companionOf(rec, 'cy')).toBeNull();
    expect(companionOf(rec, 'gone')).toBeNull();
  });
});
