import type { ChatHistory, ChatMessage, Sealed, Whisper, WrappedKey } from '@circle/shared';
import { meetingOf, sideRoomOf } from '../meeting/record.js';
import type { Room } from '../room/Room.js';

/** A private word as kept: in clear, or sealed with its key wrapped per reader (each is given their own only). */
export type KeptWhisper = Omit<Whisper, 'text' | 'sealed' | 'key'> &
  (
    | { text: string; sealed?: undefined; keys?: undefined }
    | { sealed: Sealed; keys: Record<string, WrappedKey>; text?: undefined }
  );

/** Enough for a meeting; older messages drop off. */
const KEPT = 200;

/**
 * The written side of a meeting: the group chat and the private words. Memory only, by design: it is
 * part of the meeting and never kept after it (nor across a restart), and it never reaches the logs.
 */
export class Chats {
  private readonly meetings = new Map<
    string,
    { room: Room; messages: ChatMessage[]; whispers: KeptWhisper[] }
  >();

  attach(room: Room) {
    this.meetings.set(room.id, { room, messages: [], whispers: [] });
    room.onEnd(() => {
      if (this.meetings.get(room.id)?.room === room) this.meetings.delete(room.id);
    });
  }

  add(room: Room, message: ChatMessage) {
    const m = this.of(room);
    m.messages = [...m.messages, message].slice(-KEPT);
  }

  /** Returns whether there was such a message. */
  remove(room: Room, id: string): boolean {
    const m = this.of(room);
    const before = m.messages.length;
    m.messages = m.messages.filter((x) => x.id !== id);
    return m.messages.length !== before;
  }

  whisper(room: Room, whisper: KeptWhisper) {
    const m = this.of(room);
    m.whispers = [...m.whispers, whisper].slice(-KEPT);
  }

  /** A member gets the chat and their own private thread; facilitators get every thread. */
  history(room: Room, pid: string, facilitator: boolean): ChatHistory {
    const m = this.of(room);
    return {
      messages: m.messages,
      whispers: (facilitator ? m.whispers : m.whispers.filter((w) => w.member === pid)).map((w) =>
        readBy(w, pid),
      ),
      sideRoom: sideRoomOf(room.record, pid),
      supportAsked: meetingOf(room.record).support.some((s) => s.pid === pid),
    };
  }

  private of(room: Room) {
    let m = this.meetings.get(room.id);
    // A room replaced by the next meeting's starts with an empty chat.
    if (!m || m.room !== room) {
      m = { room, messages: [], whispers: [] };
      this.meetings.set(room.id, m);
    }
    return m;
  }
}

/** A private word as one reader receives it: with their own wrapped key, or null when none was made for them. */
function readBy({ keys, sealed, text, ...head }: KeptWhisper, pid: string): Whisper {
  return sealed ? { ...head, sealed, key: keys![pid] ?? null } : { ...head, text: text! };
}
