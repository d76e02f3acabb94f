import type { GroupSettings, Role } from '@circle/shared';
import { LIMITS } from '@circle/shared';
import { AppError } from '../errors.js';
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

const lineOf = (p: ParticipantRecord) => p.inLineSince ?? p.joinedAt;

/** Listeners connected now, in the order they take seats that come free (see `inLineSince`). */
export function seatLine(rec: Readonly<RoomRecord>): ParticipantRecord[] {
  return Object.values(rec.participants)
    .filter((p) => p.admitted && p.listener === true && p.offlineSince === null)
    .sort((a, b) => lineOf(a) - lineOf(b));
}

/** The first of `seatLine` (one pass: the roster names them with every snapshot). */
export function nextForSeat(rec: Readonly<RoomRecord>): string | undefined {
  let first: ParticipantRecord | undefined;
  for (const p of Object.values(rec.participants))
    if (p.admitted && p.listener && p.offlineSince === null && (!first || lineOf(p) < lineOf(first)))
      first = p;
  return first?.pid;
}

/**
 * Seats that came free (someone seated left, was removed or sent to the lobby) go to the listeners first
 * in line, in `rec` itself: their listener mark goes, and the caller seats them on the floor. Someone
 * offline keeps their place in line and gets the next seat once back. Returns whoever took a seat.
 */
export function fillFreedSeats(
  settings: Pick<GroupSettings, 'capacity'>,
  rec: RoomRecord,
): ParticipantRecord[] {
  const free = seatsToFill(settings, rec);
  if (free === 0) return [];
  const seated = seatLine(rec).slice(0, free);
  for (const p of seated) {
    delete p.listener;
    delete p.inLineSince;
  }
  return seated;
}

/** How many free seats listeners could take now (0 without a listener connected to take one); changes nothing. */
export function seatsToFill(settings: Pick<GroupSettings, 'capacity'>, rec: Readonly<RoomRecord>): number {
  let free = settings.capacity;
  let listening = false;
  for (const p of Object.values(rec.participants))
    if (p.admitted && p.role === 'member') {
      if (!p.listener) free--;
      else if (p.offlineSince === null) listening = true;
    }
  return listening && free > 0 ? free : 0;
}

/** A facilitator's choice: this listener takes the next seat that comes free, before everyone else in line. */
export function firstInLine(rec: RoomRecord, pid: string): void {
  const p = rec.participants[pid];
  if (!p?.admitted || !p.listener) throw new AppError('NOT_FOUND');
  let first = lineOf(p);
  for (const o of Object.values(rec.participants)) if (o.listener) first = Math.min(first, lineOf(o));
  p.inLineSince = first - 1;
}
