import { AppError } from '../errors.js';
import { forgetPerson, backToCircle } from '../meeting/people.js';
import { ensureMeeting, sideRoomOf } from '../meeting/record.js';
import type { ParticipantRecord, RoomRecord } from '../room/records.js';
import { leave } from '../room/membership.js';
import type { Room } from '../room/Room.js';
import { defineDomain } from '../domain.js';
import type { Groups } from '../groups/service.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';
import type { Facilitation } from './service.js';

/**
 * The person a facilitator acts on. Facilitators are not moderated by each other: refusing here keeps a
 * shared facilitator link from being used to push a co-facilitator out.
 */
function targetIn(rec: Readonly<RoomRecord>, pid: string): ParticipantRecord {
  const p = rec.participants[pid];
  if (!p) throw new AppError('NOT_FOUND');
  if (p.role === 'facilitator') throw new AppError('FORBIDDEN');
  return p;
}

const seatedMember = (rec: Readonly<RoomRecord>, pid: string) => {
  const p = targetIn(rec, pid);
  if (p.role !== 'member' || !p.admitted || !rec.floor.seats.includes(pid)) throw new AppError('CONFLICT');
  return p;
};

/** Out of this meeting for good: refused if they come back to it, and newcomers wait in the lobby. */
async function removeFromMeeting(room: Room, pid: string, fromGroup: boolean) {
  await leave(room, pid, (rec) => {
    const m = ensureMeeting(rec);
    if (!m.removed.includes(pid)) m.removed.push(pid);
    m.lobbyForced = true;
  });
  // They are told which: from this meeting only, or from the group (every later meeting too).
  room.farewell(pid, (to) => to.emit('moderation:removed', { fromGroup }));
}

export interface ModerationDeps {
  facilitation: Facilitation;
  groups: Groups;
  io: CircleServer;
  now: () => number;
}

/** The facilitators' tools and their shared view (who needs attention, what each other did). */
export const moderationDomain = (deps: ModerationDeps) =>
  defineDomain({
    name: 'moderation',
    handlers: moderationHandlers(deps),
    attach: (room) => deps.facilitation.attach(room),
  });

const moderationHandlers = ({ facilitation, groups, io, now }: ModerationDeps) =>
  ({
    'moderation:view': ({ room }) => facilitation.view(room),

    'moderation:nudge': async ({ room }, p) => {
      const target = targetIn(room.record, p.pid);
      if (!target.admitted) throw new AppError('CONFLICT');
      const nudge = p.preset ? { preset: p.preset } : { text: p.text ?? '' };
      io.to(room.ch.person(p.pid)).emit('moderation:nudged', { ...nudge, at: now() });
      return null;
    },

    'moderation:toLobby': async ({ room }, p) => {
      await room.change((c) => {
        const target = targetIn(c.rec, p.pid);
        if (!target.admitted) throw new AppError('CONFLICT');
        target.admitted = false;
        target.waitingSince = c.now;
        // Their turns this meeting stay counted; the seat, the queue place and any side room go.
        if (c.rec.floor.seats.includes(p.pid) || c.rec.floor.guests?.includes(p.pid))
          c.floor({ type: 'leave', pid: p.pid });
        forgetPerson(c.rec, p.pid, c.floor);
        ensureMeeting(c.rec).lobbyForced = true;
      });
      // Still connected, but only to their own channel (the room's commit took them out of the others):
      // they see the lobby, not the room. Anyone new now waits in the lobby too, so a fresh identity
      // cannot walk back in past it.
      io.to(room.ch.person(p.pid)).emit('moderation:sentToLobby', { message: p.message });
      return null;
    },

    'moderation:remove': async ({ room }, p) => {
      targetIn(room.record, p.pid);
      await removeFromMeeting(room, p.pid, false);
      return null;
    },

    /**
     * The last resort: refused at every later meeting until a facilitator lets them back in. The group
     * record changes first, so no join can slip in between; then the same removal as from this meeting.
     */
    'moderation:removeFromGroup': async ({ room }, p) => {
      const target = targetIn(room.record, p.pid);
      await room.change(async (c) => {
        const person = { pid: p.pid, name: target.name, since: c.now };
        room.group = await groups.exclude(room.group, person);
      });
      await removeFromMeeting(room, p.pid, true);
      return null;
    },

    'moderation:sideOpen': async ({ room, pid }, p) => {
      const opened = await room.change((c) => {
        seatedMember(c.rec, p.pid);
        if (sideRoomOf(c.rec, p.pid) || sideRoomOf(c.rec, pid)) throw new AppError('CONFLICT');
        const m = ensureMeeting(c.rec);
        m.sideRooms.push({ pid: p.pid, facilitator: pid, since: c.now });
        m.support = m.support.filter((s) => s.pid !== p.pid);
        // Both leave the circle for a while: the go-around skips them, as when stepping out.
        for (const who of [p.pid, pid])
          if (c.rec.floor.presence[who] === 'here') c.floor({ type: 'presence', pid: who, presence: 'away' });
        return m.sideRooms.at(-1)!;
      });
      // Both people in it are told (the facilitator may have several tabs).
      io.to([room.ch.person(opened.pid), room.ch.person(opened.facilitator)]).emit(
        'moderation:sideRoom',
        opened,
      );
      return null;
    },

    'moderation:sideClose': async ({ room }, p) => {
      const ended = await room.change((c) => {
        const side = sideRoomOf(c.rec, p.pid);
        if (!side) throw new AppError('NOT_FOUND');
        const m = ensureMeeting(c.rec);
        m.sideRooms = m.sideRooms.filter((r) => r.pid !== side.pid);
        backToCircle(c.rec, side.pid, c.floor);
        backToCircle(c.rec, side.facilitator, c.floor);
        return side;
      });
      io.to([room.ch.person(ended.pid), room.ch.person(ended.facilitator)]).emit('moderation:sideRoom', null);
      return null;
    },

    'moderation:supportSeen': async ({ room }, p) => {
      await room.change((c) => {
        const m = ensureMeeting(c.rec);
        if (!m.support.some((s) => s.pid === p.pid)) throw new AppError('NOT_FOUND');
        m.support = m.support.filter((s) => s.pid !== p.pid);
      });
      return null;
    },
  }) satisfies HandlerTable;
