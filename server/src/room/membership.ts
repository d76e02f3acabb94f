import type { FirstMeetingAudience, JoinResult, Role } from '@circle/shared';
import { LIMITS, onFloor } from '@circle/shared';
import type { Socket } from 'socket.io';
import { AppError } from '../errors.js';
import { groupKey } from '../groups/service.js';
import { participation } from '../meeting/attendance.js';
import { forgetPerson } from '../meeting/people.js';
import { isAway } from '../meeting/record.js';
import { admissionFor } from '../moderation/admission.js';
import { seatsWithPairsTogether, withCompanions } from '../buddy/seating.js';
import { placeFor } from './places.js';
import type { AttendanceEvent, DeclarationAcceptance, ParticipantRecord, RoomRecord } from './records.js';
import type { Room, RoomChange } from './Room.js';

/**
 * Who is in the meeting: joining (the lobby or a seat), admission, leaving, dropping out and coming back.
 * Each is one change of the room; attendance and declarations are written only once it is committed, so
 * a node that lost the fence never logs a join that did not happen.
 */

export interface JoinArgs {
  pid: string;
  name: string;
  role: Role;
  declarationVersion: number;
  identity: string;
  /** Came with a buddy invitation from this member: waits in the lobby, then sits beside them. */
  buddyOf?: string;
  firstMeeting?: FirstMeetingAudience;
}

export function join(room: Room, socket: Socket, args: JoinArgs): Promise<JoinResult> {
  return room.change(async (c) => {
    // The connection may have dropped while the join waited its turn; it must not count as present.
    if (socket.disconnected) throw new AppError('NOT_JOINED');
    let p = c.rec.participants[args.pid];
    if (!p) {
      const asked = admissionFor(c.rec, room.group.settings, args.pid, args.role);
      // A newcomer brought by a buddy always waits: a facilitator welcomes them, and lets the pair in at once.
      const entry = asked === 'enter' && args.buddyOf ? 'lobby' : asked;
      if (entry === 'refused') throw new AppError('FORBIDDEN');
      const waits = entry === 'lobby';
      // The lobby holds no seat, but it has its own cap; whoever enters directly needs a free place: a
      // seat, or past the seats a listener's place if the group allows listeners.
      if (waits && room.lobby().length >= LIMITS.lobbyMax) throw new AppError('ROOM_FULL');
      const place = waits ? null : placeFor(room.group.settings, c.rec, args.role);
      if (!waits && !place) throw new AppError('ROOM_FULL');
      const joined: ParticipantRecord = {
        pid: args.pid,
        name: args.name,
        role: args.role,
        joinedAt: c.now,
        admitted: !waits,
        waitingSince: waits ? c.now : null,
        offlineSince: null,
        ...(place === 'listener' ? { listener: true } : {}),
        ...(args.buddyOf ? { buddyOf: args.buddyOf } : {}),
        ...(args.firstMeeting ? { firstMeeting: args.firstMeeting } : {}),
      };
      p = c.rec.participants[args.pid] = joined;
      const meetingId = c.rec.meetingId;
      c.after(async () => {
        await room.deps.store.append(attendanceLog(room, meetingId), attendance(joined, 'joined', c.now));
        await room.deps.store.append(`${groupKey(room.id)}declarations`, {
          meetingId,
          pid: joined.pid,
          name: args.name,
          version: args.declarationVersion,
          at: c.now,
        } satisfies DeclarationAcceptance);
      });
      if (p.admitted) seat(c, p, [p.pid]);
    } else {
      // The same person again (another tab, a reconnect): one participant, their place kept.
      p.offlineSince = null;
      // Someone who stepped out (or is in a side room) is still out after a reconnect.
      if (p.admitted && onFloor(c.rec.floor, p.pid))
        c.tryFloor({ type: 'presence', pid: p.pid, presence: isAway(c.rec, p.pid) ? 'away' : 'here' });
    }
    room.timers.cancel(p.pid);
    room.connections.add(p.pid, socket.id);
    // Joined to the room's channels before the commit, this socket hears every change from this one on;
    // the whole room comes right after the commit (the patch of this change it may skip).
    await socket.join(room.channelsFor(p));
    const admitted = p.admitted;
    c.after(() => void (admitted && socket.emit('room:state', room.view())));
    return {
      pid: p.pid,
      role: p.role,
      identity: args.identity,
      status: p.admitted ? 'admitted' : 'waiting',
    };
  });
}

/** Lets people in from the lobby. Waiting holds no seat: admitting needs one, or a listener's place. */
export function admit(room: Room, pids: string[] | 'all'): Promise<number> {
  return room.change((c) => {
    const waiting = Object.values(c.rec.participants).filter((p) => !p.admitted);
    // A buddy waiting with someone asked for comes in with them: one admission for the pair.
    const named = pids === 'all' ? [] : withCompanions(c.rec, pids);
    const asked = pids === 'all' ? waiting : waiting.filter((p) => named.includes(p.pid));
    if (pids !== 'all' && asked.length === 0) throw new AppError('NOT_FOUND');
    // "Admit all" lets in whoever fits, in order of arrival; each one admitted counts for the next.
    const chosen: ParticipantRecord[] = [];
    for (const p of asked.sort((a, b) => (a.waitingSince ?? 0) - (b.waitingSince ?? 0))) {
      const place = placeFor(room.group.settings, c.rec, p.role);
      if (!place) continue;
      p.admitted = true;
      p.waitingSince = null;
      // Sent back to the lobby and admitted again, someone may find a seat free this time, or not.
      if (place === 'listener') Object.assign(p, { listener: true, inLineSince: c.now });
      else delete p.listener;
      chosen.push(p);
    }
    if (asked.length && !chosen.length) throw new AppError('ROOM_FULL');
    for (const p of chosen)
      seat(
        c,
        p,
        chosen.map((q) => q.pid),
      );
    c.after(() => {
      for (const p of chosen) room.deps.io.to(room.ch.person(p.pid)).emit('room:admitted', room.view());
    });
    return chosen.length;
  });
}

/**
 * The person leaves the meeting for good (Leave button, erased identity, the reconnect window ran out,
 * or a facilitator removed them: `also` then marks the record in the same change).
 */
export function leave(room: Room, pid: string, also?: (rec: RoomRecord) => void): Promise<void> {
  return room.change((c) => {
    if (!c.rec.participants[pid]) return c.unchanged();
    goes(room, c, pid);
    also?.(c.rec);
  });
}

/** Takes the person out of the meeting in this change, and records their leaving once it is committed. */
function goes(room: Room, c: RoomChange, pid: string) {
  const p = c.rec.participants[pid]!;
  delete c.rec.participants[pid];
  if (onFloor(c.rec.floor, pid)) c.tryFloor({ type: 'leave', pid });
  forgetPerson(c.rec, pid, (cmd) => void c.tryFloor(cmd));
  const left = attendance(p, 'left', c.now, c.rec);
  const meetingId = c.rec.meetingId;
  c.after(() => room.deps.store.append(attendanceLog(room, meetingId), left));
  room.timers.cancel(pid);
  room.connections.forget(pid);
  if (Object.keys(c.rec.participants).length === 0) c.end();
}

/** A connection dropped. The person keeps their place while any tab is open, or for the reconnect window. */
export function disconnected(room: Room, pid: string, socketId: string): Promise<void> {
  return room.change((c) => {
    const p = c.rec.participants[pid];
    if (room.connections.remove(pid, socketId) > 0 || !p) return c.unchanged();
    // Someone who was only waiting in the lobby has gone: they leave it at once, so a facilitator never
    // admits (and seats) a person who is no longer there. Knocking again is a new arrival.
    if (!p.admitted) return goes(room, c, pid);
    p.offlineSince = c.now;
    if (onFloor(c.rec.floor, pid)) c.tryFloor({ type: 'presence', pid, presence: 'offline' });
    room.timers.expireAt(pid, c.now + room.deps.reconnectWindowMs);
  });
}

/** The reconnect window ran out: unless they came back meanwhile, they have left. */
export function expire(room: Room, pid: string): void {
  if ((room.record.participants[pid]?.offlineSince ?? null) !== null)
    void leave(room, pid).catch(() => undefined);
}

/**
 * Ends the meeting for everyone at once (a facilitator closed it, or the group is being deleted):
 * everyone's departure is recorded, `finish` tells them (still in this room's turn), and the room empties.
 */
export function closeMeeting(
  room: Room,
  finish: (rec: Readonly<RoomRecord>) => Promise<void>,
): Promise<void> {
  return room.change((c) => {
    const everyone = Object.values(c.rec.participants);
    const rows = everyone.map((p) => attendance(p, 'left', c.now, c.rec));
    const meetingId = c.rec.meetingId;
    c.after(async () => {
      for (const row of rows) await room.deps.store.append(attendanceLog(room, meetingId), row);
      await finish(room.record);
      for (const p of everyone) room.detach(p.pid, room.channelsFor({ ...p, admitted: true }));
    });
    c.end();
  });
}

/**
 * Members and facilitators take a seat; observers and listeners follow from outside the circle. Buddies
 * sit side by side: `arriving` are all who sit down in this change.
 */
function seat(c: RoomChange, p: ParticipantRecord, arriving: string[]) {
  if (p.role === 'observer' || p.listener) return;
  c.tryFloor({ type: 'join', pid: p.pid });
  const order = seatsWithPairsTogether(c.rec, c.rec.floor.seats, arriving);
  if (order) c.tryFloor({ type: 'reorderSeats', order });
}

const attendanceLog = (room: Room, meetingId: string) => `${groupKey(room.id)}attendance:${meetingId}`;

function attendance(
  p: ParticipantRecord,
  type: AttendanceEvent['type'],
  at: number,
  rec?: Readonly<RoomRecord>,
): AttendanceEvent {
  const part = rec ? { part: participation(rec, p.pid, p.role) } : {};
  return { pid: p.pid, name: p.name, role: p.role, type, at, ...part };
}
