import type { Store } from '../store/index.js';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/context.js';
import { boardKeys } from './keys.js';

interface SpotlightDoc {
  meetingId: string;
  id: string;
}

/**
 * The one shared balance a facilitator has put on everyone's screen, per meeting. Stored (it was
 * acknowledged, so it survives a restart) and tied to the meeting, so the next meeting starts without one.
 */
export class Spotlights {
  private readonly cache = new Map<string, SpotlightDoc | null>();

  constructor(
    private readonly store: Store,
    private readonly io: CircleServer,
  ) {}

  async get(room: Room): Promise<string | null> {
    let doc = this.cache.get(room.id);
    if (doc === undefined) {
      doc = await this.store.get<SpotlightDoc>(boardKeys.spotlight(room.id));
      this.cache.set(room.id, doc);
    }
    return doc && doc.meetingId === room.record.meetingId ? doc.id : null;
  }

  /** Sync read for checks on every room change; null until first loaded. */
  peek(room: Room): string | null {
    const doc = this.cache.get(room.id);
    return doc && doc.meetingId === room.record.meetingId ? doc.id : null;
  }

  async set(room: Room, id: string | null): Promise<void> {
    if (id === null) await this.store.del(boardKeys.spotlight(room.id));
    else await this.store.put(boardKeys.spotlight(room.id), { meetingId: room.record.meetingId, id });
    this.cache.set(room.id, id === null ? null : { meetingId: room.record.meetingId, id });
    this.io.to(room.ch.room).emit('board:spotlight', id);
  }

  /** Takes the spotlight down if it shows this balance (unshared, deleted, owner gone). */
  async clearIf(room: Room, id: string): Promise<void> {
    if ((await this.get(room)) === id) await this.set(room, null);
  }

  /** The meeting is over. */
  async end(groupId: string): Promise<void> {
    await this.store.del(boardKeys.spotlight(groupId));
    this.cache.delete(groupId);
  }
}
