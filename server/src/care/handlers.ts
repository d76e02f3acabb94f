import { AppError } from '../errors.js';
import { backToCircle } from '../meeting/people.js';
import { ensureMeeting, sideRoomOf } from '../meeting/record.js';
import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';

/**
 * Members taking care of themselves. Stepping out keeps the seat and marks the person away on the floor,
 * so the go-around skips them and media turns their microphone and camera off (media follows the room).
 */
const careHandlers = {
  'care:stepOut': async ({ room, pid }) => {
    await room.change((c) => {
      const m = ensureMeeting(c.rec);
      if (m.away.includes(pid)) throw new AppError('CONFLICT');
      m.away.push(pid);
      if (!m.steppedOut.includes(pid)) m.steppedOut.push(pid);
      // Already away in a side room: the floor has nothing to change.
      if (!sideRoomOf(c.rec, pid)) c.floor({ type: 'presence', pid, presence: 'away' });
    });
    return null;
  },

  'care:back': async ({ room, pid }) => {
    await room.change((c) => {
      const m = ensureMeeting(c.rec);
      if (!m.away.includes(pid)) throw new AppError('CONFLICT');
      m.away = m.away.filter((p) => p !== pid);
      backToCircle(c.rec, pid, c.floor);
    });
    return null;
  },

  'care:support': async ({ room, pid }, p) => {
    await room.change((c) => {
      const m = ensureMeeting(c.rec);
      const asked = m.support.some((s) => s.pid === pid);
      if (p.on && !asked) m.support.push({ pid, since: c.now });
      if (!p.on) m.support = m.support.filter((s) => s.pid !== pid);
    });
    return null;
  },
} satisfies HandlerTable;

export const careDomain = () => defineDomain({ name: 'care', handlers: careHandlers });
