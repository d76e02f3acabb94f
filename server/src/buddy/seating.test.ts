import { describe, expect, it } from 'vitest';
import type { ParticipantRecord } from '../room/records.js';
import { seatsWithPairsTogether, withCompanions } from './seating.js';

const person = (pid: string, extra: Partial<ParticipantRecord> = {}): ParticipantRecord => ({
  pid,
  name: pid,
  role: 'member',
  joinedAt: 0,
  admitted: true,
  waitingSince: null,
  offlineSince: null,
  ...extra,
});
const rec = (...people: ParticipantRecord[]) => ({
  participants: Object.fromEntries(people.map((p) => [p.pid, p])),
});

describe('buddies seated together', () => {
  it('admits a waiting companion with the newcomer asked for, and the other way round', () => {
    const r = rec(person('ana', { admitted: false }), person('nia', { admitted: false, buddyOf: 'ana' }));
    expect(withCompanions(r, ['nia']).sort()).toEqual(['ana', 'nia']);
    expect(withCompanions(r, ['ana']).sort()).toEqual(['ana', 'nia']);
  });

  it('admits only who was asked for when their companion is already inside', () => {
    const r = rec(person('ana'), person('nia', { admitted: false, buddyOf: 'ana' }));
    expect(withCompanions(r, ['nia'])).toEqual(['nia']);
  });

  it('puts a newcomer who just sat down right after their companion', () => {
    const r = rec(person('fran'), person('ana'), person('ben'), person('nia', { buddyOf: 'ana' }));
    expect(seatsWithPairsTogether(r, ['fran', 'ana', 'ben', 'nia'], ['nia'])).toEqual([
      'fran',
      'ana',
      'nia',
      'ben',
    ]);
  });

  it('puts a companion who comes in after their newcomer just before them', () => {
    const r = rec(person('fran'), person('nia', { buddyOf: 'ana' }), person('ben'), person('ana'));
    expect(seatsWithPairsTogether(r, ['fran', 'nia', 'ben', 'ana'], ['ana'])).toEqual([
      'fran',
      'ana',
      'nia',
      'ben',
    ]);
  });

  it('moves nobody else: a pair a facilitator separated stays apart until one of them sits down again', () => {
    const r = rec(person('ana'), person('ben'), person('nia', { buddyOf: 'ana' }));
    expect(seatsWithPairsTogether(r, ['ana', 'ben', 'nia'], ['ben'])).toBeNull();
    expect(seatsWithPairsTogether(r, ['ana', 'nia', 'ben'], ['nia'])).toBeNull();
  });
});
