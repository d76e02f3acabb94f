import type { ChatHistory, ChatMessage, Whisper } from '@circle/shared';
import { meetingOf, sideRoomOf } from '../meeting/record.js';
import type { Room } from '../room/Room.js';

/** Enough for a meeting; older messages drop off. */
const KEPT = 200;

/**
 * The written side of a meeting: the group chat and the private words. Memory only, by design: it is
 * part of the meeting and never kept after it (nor across a restart), and it never reaches the logs.
 */
export class Chats {
  private readonly meetings = new Map<string, { room: Room; messages: ChatMessage[]; whispers: Whisper[] }>();

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

  whisper(room: Room, whisper: Whisper) {
    const m = this.of(room);
    m.whispers = [...m.whispers, whisper].slice(-KEPT);
  }

  /** A member gets the chat and their own private thread; facilitators get every thread. */
  history(room: Room, pid: string, facilitator: boolean): ChatHistory {
    const m = this.of(room);
    return {
      messages: m.messages,
      whispers: facilitator ? m.whispers : m.whispers.filter((w) => w.member === pid),
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
