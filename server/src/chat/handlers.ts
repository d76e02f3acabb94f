import type { WrappedKey } from '@circle/shared';
import { AppError } from '../errors.js';
import { ensureMeeting, meetingOf } from '../meeting/record.js';
import { defineDomain } from '../domain.js';
import type { Room } from '../room/Room.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';
import type { Chats } from './service.js';
import { wordsFor } from './encrypted.js';
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
      const message = { id: newId(), at: now(), pid, name, ...wordsFor(room, p) };
      chats.add(room, message);
      // Everyone admitted reads it, observers included.
      io.to(room.ch.room).emit('chat:message', message);
      return { id: message.id };
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
      const head = { id: newId(), at: now(), member, from: pid, fromName: room.participant(pid)?.name ?? '' };
      const words = wordsFor(room, p);
      const thread = [room.ch.facilitators, room.ch.person(member)];
      if (words.text !== undefined) {
        chats.whisper(room, { ...head, text: words.text });
        io.to(thread).emit('chat:whisper', { ...head, text: words.text });
        return { id: head.id };
      }
      const keys = p.keys!;
      checkReaders(room, pid, member, keys);
      chats.whisper(room, { ...head, sealed: words.sealed, keys });
      // Each reader gets their own wrapped key only; the rest of the thread (the writer's tabs, a
      // facilitator nobody wrapped it for) learns that a word was written, and cannot open it.
      const readers = Object.keys(keys);
      for (const reader of readers)
        io.to(room.ch.person(reader)).emit('chat:whisper', {
          ...head,
          sealed: words.sealed,
          key: keys[reader]!,
        });
      io.to(thread)
        .except(readers.map((r) => room.ch.person(r)))
        .emit('chat:whisper', { ...head, sealed: words.sealed, key: null });
      return { id: head.id };
    },
  }) satisfies HandlerTable;

/**
 * A sealed word's key is wrapped only for the thread's readers: its member and the facilitators in the
 * meeting, never the writer (FORBIDDEN otherwise). A facilitator's word must reach the member (BAD_REQUEST).
 */
function checkReaders(room: Room, writer: string, member: string, keys: Record<string, WrappedKey>) {
  for (const reader of Object.keys(keys)) {
    const p = room.participant(reader);
    const facilitator = p?.role === 'facilitator' && p.admitted;
    if (reader === writer || (reader !== member && !facilitator)) throw new AppError('FORBIDDEN');
  }
  if (writer !== member && !keys[member]) throw new AppError('BAD_REQUEST');
}
