import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import { boardKeys } from './keys.js';

/**
 * The one shared balance a facilitator has put on everyone's screen. It lives in the room record, so it
 * was committed with the room before anyone is told, survives a restart with it, and the next meeting
 * (a new record) starts without one.
 */
export class Spotlights {
  constructor(
    private readonly store: Store,
    private readonly io: CircleServer,
  ) {}

  get(room: Room): Promise<string | null> {
    return Promise.resolve(this.peek(room));
  }

  peek(room: Room): string | null {
    return room.record.spotlight ?? null;
  }

  async set(room: Room, id: string | null): Promise<void> {
    await room.change((c) => {
      if ((c.rec.spotlight ?? null) === id) return c.unchanged();
      c.rec.spotlight = id;
    });
    this.io.to(room.ch.room).emit('board:spotlight', id);
  }

  /** Takes the spotlight down if it shows this balance (unshared, deleted, owner gone). */
  async clearIf(room: Room, id: string): Promise<void> {
    if (this.peek(room) === id) await this.set(room, null);
  }

  /** The meeting is over; a spotlight kept under its own key by earlier versions goes too. */
  async end(groupId: string): Promise<void> {
    await this.store.del(boardKeys.spotlight(groupId));
  }
}
