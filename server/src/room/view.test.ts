import { floorReducer, GroupSettingsSchema, initialFloor, type FloorState } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import type { GroupRecord, RoomRecord } from './records.js';
import { RoomViews } from './view.js';

const T = 1_000_000;
const group: GroupRecord = {
  id: 'g1',
  createdAt: T,
  settings: GroupSettingsSchema.parse({ name: 'Tuesday circle' }),
  declarationVersion: 1,
  invites: {} as GroupRecord['invites'],
  excluded: [],
};

function record(floor: FloorState, seq: number): RoomRecord {
  return { meetingId: 'm1', startedAt: T, seq, participants: {}, floor };
}

function floorAfter(cmds: Parameters<typeof floorReducer>[1][]): FloorState {
  let s = initialFloor();
  for (const cmd of cmds) s = floorReducer(s, cmd, T).state;
  return s;
}

describe('the floor in the room view', () => {
  it('is the floor itself when there is no move to undo: nothing is copied per change', () => {
    const floor = floorAfter([
      { type: 'join', pid: 'A' },
      { type: 'raiseHand', pid: 'A' },
    ]);
    expect(floor.lastMove).toBeUndefined();
    expect(new RoomViews().view(record(floor, 1), group, T).floor).toBe(floor);
  });

  it('tells only when the last move was, never what an undo would restore', () => {
    const floor = floorAfter([
      { type: 'join', pid: 'A' },
      { type: 'give', pid: 'A' },
    ]);
    expect(floor.lastMove?.prior).toBeDefined();
    const view = new RoomViews().view(record(floor, 1), group, T).floor;
    expect(view.lastMove).toEqual({ at: T });
    expect(JSON.stringify(view)).not.toContain('prior');
    expect({ ...view, lastMove: undefined }).toEqual({ ...floor, lastMove: undefined });
  });

  it('is made once per floor: the next view of the same floor is the same object', () => {
    const views = new RoomViews();
    const floor = floorAfter([
      { type: 'join', pid: 'A' },
      { type: 'give', pid: 'A' },
    ]);
    const first = views.view(record(floor, 1), group, T).floor;
    expect(views.view(record(floor, 2), group, T + 1).floor).toBe(first);
  });
});
