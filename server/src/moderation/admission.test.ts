import type { Role } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { newMeeting, type MeetingRecord } from '../meeting/record.js';
import type { RoomRecord } from '../room/records.js';
import { admissionFor, type Admission } from './admission.js';

const record = (meeting: Partial<MeetingRecord> | null): RoomRecord =>
  ({
    meetingId: 'm',
    startedAt: 0,
    seq: 0,
    participants: {},
    floor: {} as RoomRecord['floor'],
    ...(meeting ? { meeting: { ...newMeeting(), ...meeting } } : {}),
  }) as RoomRecord;

const cases: [string, Partial<MeetingRecord> | null, boolean, Role, Admission][] = [
  ['a member enters a room without a lobby', {}, false, 'member', 'enter'],
  ['a record from before meetings had state', null, false, 'member', 'enter'],
  ['a member waits when the group uses a lobby', {}, true, 'member', 'lobby'],
  ['an observer waits too when the group uses a lobby', {}, true, 'observer', 'lobby'],
  ['an observer enters a room without a lobby', {}, false, 'observer', 'enter'],
  ['a locked meeting holds a member in the lobby', { locked: true }, false, 'member', 'lobby'],
  ['a locked meeting holds an observer too', { locked: true }, false, 'observer', 'lobby'],
  ['a locked meeting still lets a co-facilitator in', { locked: true }, false, 'facilitator', 'enter'],
  ['after a removal every newcomer waits', { lobbyForced: true }, false, 'member', 'lobby'],
  ['after a removal observers wait too', { lobbyForced: true }, false, 'observer', 'lobby'],
  ['a removed identity is refused', { removed: ['p'], lobbyForced: true }, false, 'member', 'refused'],
  [
    'a removed identity is refused even as a facilitator',
    { removed: ['p'] },
    false,
    'facilitator',
    'refused',
  ],
];

describe('who may enter a meeting', () => {
  it.each(cases)('%s', (_name, meeting, lobby, role, expected) => {
    expect(admissionFor(record(meeting), { lobby }, 'p', role)).toBe(expected);
  });
});
