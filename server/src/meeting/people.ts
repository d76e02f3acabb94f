import type { FloorCommand } from '@circle/shared';
import type { RoomRecord } from '../room/records.js';
import { isAway } from './record.js';

type ApplyFloor = (cmd: FloorCommand) => void;

/** Brings someone back to the circle once nothing keeps them away (they are online and seated). */
export function backToCircle(rec: RoomRecord, pid: string, floor: ApplyFloor) {
  if (rec.floor.presence[pid] === 'away' && !isAway(rec, pid))
    floor({ type: 'presence', pid, presence: 'here' });
}

/**
 * Someone leaves the circle (left, removed, or sent back to the lobby): their flags go with them, and a
 * side room they were in ends, which brings the other person back to the circle.
 */
export function forgetPerson(rec: RoomRecord, pid: string, floor: ApplyFloor) {
  if (!rec.meeting) return;
  const m = rec.meeting;
  m.away = m.away.filter((p) => p !== pid);
  m.support = m.support.filter((s) => s.pid !== pid);
  const ended = m.sideRooms.filter((r) => r.pid === pid || r.facilitator === pid);
  m.sideRooms = m.sideRooms.filter((r) => !ended.includes(r));
  for (const r of ended)
    for (const other of [r.pid, r.facilitator]) if (other !== pid) backToCircle(rec, other, floor);
}
