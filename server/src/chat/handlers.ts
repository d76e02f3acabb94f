import { AppError } from '../errors.js';
import { ensureMeeting, meetingOf } from '../meeting/record.js';
import type { HandlerTable } from '../socket/context.js';
import { newId } from '../tokens.js';

export const chatHandlers = {
  'chat:send': async ({ services, room, pid }, p) => {
    if (!meetingOf(room.record).chatEnabled) throw new AppError('CONFLICT');
    const name = room.participant(pid)?.name ?? '';
    const message = { id: newId(), at: services.now(), pid, name, text: p.text };
    services.chats.add(room, message);
    // Everyone admitted reads it, observers included.
    services.io.to(room.ch.room).emit('chat:message', message);
    return null;
  },

  'chat:delete': async ({ services, room }, p) => {
    if (!services.chats.remove(room, p.id)) throw new AppError('NOT_FOUND');
    services.io.to(room.ch.room).emit('chat:deleted', p.id);
    return null;
  },

  'chat:toggle': async ({ room }, p) => {
    await room.change((c) => {
      ensureMeeting(c.rec).chatEnabled = p.on;
    });
    return null;
  },

  'chat:history': async ({ services, room, pid, role }) =>
    services.chats.history(room, pid, role === 'facilitator'),

  /** A member writes to the facilitators; a facilitator writes to one member. Every facilitator sees the thread. */
  'chat:whisper': async ({ services, room, pid, role }, p) => {
    let member: string;
    if (role === 'facilitator') {
      if (!p.to) throw new AppError('BAD_REQUEST');
      if (room.participant(p.to)?.role !== 'member') throw new AppError('NOT_FOUND');
      member = p.to;
    } else {
      if (p.to !== undefined) throw new AppError('FORBIDDEN');
      member = pid;
    }
    const whisper = {
      id: newId(),
      at: services.now(),
      member,
      from: pid,
      fromName: room.participant(pid)?.name ?? '',
      text: p.text,
    };
    services.chats.whisper(room, whisper);
    services.io.to([room.ch.facilitators, room.ch.person(member)]).emit('chat:whisper', whisper);
    return null;
  },
} satisfies HandlerTable;
