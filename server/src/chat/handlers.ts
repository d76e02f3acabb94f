import { AppError } from '../errors.js';
import { ensureMeeting, meetingOf } from '../meeting/record.js';
import { defineDomain } from '../domain.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';
import type { Chats } from './service.js';
import { newId } from '../tokens.js';

export interface ChatDeps {
  chats: Chats;
  io: CircleServer;
  now: () => number;
}

/** The room's chat and the private word between facilitators and members. */
export const chatDomain = (deps: ChatDeps) =>
  defineDomain({ name: 'chat', handlers: chatHandlers(deps), attach: (room) => deps.chats.attach(room) });

const chatHandlers = ({ chats, io, now }: ChatDeps) =>
  ({
    'chat:send': async ({ room, pid }, p) => {
      if (!meetingOf(room.record).chatEnabled) throw new AppError('CONFLICT');
      const name = room.participant(pid)?.name ?? '';
      const message = { id: newId(), at: now(), pid, name, text: p.text };
      chats.add(room, message);
      // Everyone admitted reads it, observers included.
      io.to(room.ch.room).emit('chat:message', message);
      return null;
    },

    'chat:delete': async ({ room }, p) => {
      if (!chats.remove(room, p.id)) throw new AppError('NOT_FOUND');
      io.to(room.ch.room).emit('chat:deleted', p.id);
      return null;
    },

    'chat:toggle': async ({ room }, p) => {
      await room.change((c) => {
        ensureMeeting(c.rec).chatEnabled = p.on;
      });
      return null;
    },

    'chat:history': async ({ room, pid, role }) => chats.history(room, pid, role === 'facilitator'),

    /** A member writes to the facilitators; a facilitator writes to one member. Every facilitator sees the thread. */
    'chat:whisper': async ({ room, pid, role }, p) => {
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
        at: now(),
        member,
        from: pid,
        fromName: room.participant(pid)?.name ?? '',
        text: p.text,
      };
      chats.whisper(room, whisper);
      io.to([room.ch.facilitators, room.ch.person(member)]).emit('chat:whisper', whisper);
      return null;
    },
  }) satisfies HandlerTable;
