import type { GroupSettings, Role } from '@circle/shared';
import { LIMITS } from '@circle/shared';
import type { ParticipantRecord, RoomRecord } from './records.js';

/**
 * Where someone admitted goes: `enter` (a seat for members and facilitators, a place outside the circle
 * for observers), `listener` (a member beyond the full seats, when the group allows listeners), or
 * nowhere (the room is full for them).
 */
export type Place = 'enter' | 'listener' | null;

const inside = (rec: Readonly<RoomRecord>, of: (p: ParticipantRecord) => boolean) =>
  Object.values(rec.participants).filter((p) => p.admitted && of(p)).length;

/**
 * The place for one more person of `role`, counting everyone admitted in `rec`. Members take the seats
 * (the group's capacity) first, then the listener places (its `listeners`); observers have their own
 * limit; facilitators always enter (they run the meeting).
 */
export function placeFor(
  settings: Pick<GroupSettings, 'capacity' | 'observerLimit'> & { listeners?: number },
  rec: Readonly<RoomRecord>,
  role: Role,
): Place {
  if (role === 'facilitator') return 'enter';
  if (role === 'observer') {
    const limit = settings.observerLimit ?? LIMITS.observersDefault;
    return inside(rec, (p) => p.role === 'observer') < limit ? 'enter' : null;
  }
  if (inside(rec, (p) => p.role === 'member' && !p.listener) < settings.capacity) return 'enter';
  // Records and groups from before listeners existed have none.
  return inside(rec, (p) => p.listener === true) < (settings.listeners ?? 0) ? 'listener' : null;
}

/** Whether this person is in the meeting as a listener. */
export const isListener = (rec: Readonly<RoomRecord>, pid: string): boolean =>
  rec.participants[pid]?.listener === true;
