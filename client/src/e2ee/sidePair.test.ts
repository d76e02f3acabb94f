import { describe, expect, it } from 'vitest';
import { sideRoomPartner } from './sidePair';

const side = { pid: 'ana', facilitator: 'fran', since: 1 };

describe('sideRoomPartner: whose key seals this person’s media', () => {
  it('the member and the facilitator in a side room each name the other', () => {
    expect(sideRoomPartner(side, 'ana', 'away')).toBe('fran');
    expect(sideRoomPartner(side, 'fran', 'away')).toBe('ana');
  });

  it('in the circle there is no partner: no side room, back in the circle, or a side room of others', () => {
    expect(sideRoomPartner(null, 'ana', 'away')).toBeNull();
    // The side room has ended for this person (presence back) while its end is on the way.
    expect(sideRoomPartner(side, 'ana', 'here')).toBeNull();
    expect(sideRoomPartner(side, 'ana', undefined)).toBeNull();
    expect(sideRoomPartner(side, 'ben', 'away')).toBeNull();
  });
});
