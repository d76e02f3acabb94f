import type { Celebration } from '@circle/shared';
import { defineDomain } from '../domain.js';
import { AppError } from '../errors.js';
import type { Room } from '../room/Room.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';

/**
 * Celebrations told in a meeting, per room, in memory only: a milestone is said, not kept (nothing of it
 * is written to the store), and it goes with the meeting, or with its teller when they leave.
 */
class Celebrations {
  private readonly byRoom = new Map<string, Map<string, Celebration>>();

  constructor(private readonly io: CircleServer) {}

  of(room: Room): Map<string, Celebration> {
    let told = this.byRoom.get(room.id);
    if (!told) this.byRoom.set(room.id, (told = new Map()));
    return told;
  }

  list(room: Room): Celebration[] {
    return [...this.of(room).values()].sort((a, b) => a.at - b.at);
  }

  /** The facilitators' projection: only their channel hears it, never the room's. */
  publish(room: Room) {
    this.io.to(room.ch.facilitators).emit('celebrate:state', this.list(room));
  }

  attach(room: Room) {
    this.byRoom.set(room.id, new Map());
    room.onChange((next, prev) => {
      if (next.participants === prev.participants) return;
      const told = this.byRoom.get(room.id);
      if (!told) return;
      let gone = false;
      for (const pid of told.keys()) if (!next.participants[pid]?.admitted) gone = told.delete(pid) || gone;
      if (gone) this.publish(room);
    });
    room.onEnd(() => void this.byRoom.delete(room.id));
  }
}

function celebrateHandlers(celebrations: Celebrations, { io, now }: CelebrateDeps) {
  return {
    'celebrate:tell': async ({ room, pid }, p) => {
      const person = room.participant(pid);
      if (!person) throw new AppError('NOT_JOINED');
      // Telling again replaces: one milestone per person, a member who mistyped just says it again.
      celebrations.of(room).set(pid, {
        pid,
        name: person.name,
        amount: p.amount,
        unit: p.unit,
        announce: p.announce,
        at: now(),
      });
      celebrations.publish(room);
      return null;
    },

    'celebrate:withdraw': async ({ room, pid }) => {
      if (!celebrations.of(room).delete(pid)) throw new AppError('NOT_FOUND');
      celebrations.publish(room);
      return null;
    },

    'celebrate:list': async ({ room }) => celebrations.list(room),

    'celebrate:acknowledge': async ({ room }, p) => {
      const told = celebrations.of(room).get(p.pid);
      if (!told) throw new AppError('NOT_FOUND');
      // The member's no stands whatever a facilitator clicks: the server, not the button, keeps it.
      if (p.announce && !told.announce) throw new AppError('FORBIDDEN');
      celebrations.of(room).delete(p.pid);
      celebrations.publish(room);
      io.to(room.ch.person(p.pid)).emit('celebrate:acknowledged', { announced: p.announce });
      if (p.announce)
        io.to(room.ch.room).emit('celebrate:announced', {
          name: told.name,
          amount: told.amount,
          unit: told.unit,
        });
      return null;
    },
  } satisfies HandlerTable;
}

interface CelebrateDeps {
  io: CircleServer;
  now: () => number;
}

export const celebrateDomain = (deps: CelebrateDeps) => {
  const celebrations = new Celebrations(deps.io);
  return defineDomain({
    name: 'celebrate',
    handlers: celebrateHandlers(celebrations, deps),
    attach: (room) => celebrations.attach(room),
  });
};
