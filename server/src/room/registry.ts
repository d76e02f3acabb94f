import type { Server } from 'socket.io';
import type { Clock } from '../clock.js';
import type { Groups } from '../groups/service.js';
import type { Store } from '../store/index.js';
import { expire } from './membership.js';
import { Room } from './Room.js';

/** Keeps one Room per group in memory, loading it from the store on first use. */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room | null>>();
  /** The rooms of `rooms` that have finished loading: a command of a meeting finds its room without a wait. */
  private readonly ready = new Map<string, Room>();
  private readonly loadListeners: ((room: Room) => void | Promise<void>)[] = [];

  constructor(
    private readonly deps: {
      store: Store;
      io: Server;
      groups: Groups;
      reconnectWindowMs: number;
      clock: Clock;
    },
  ) {}

  /** The room of a group, or null when the group does not exist. Store failures propagate. */
  async get(groupId: string): Promise<Room | null> {
    let pending = this.rooms.get(groupId);
    if (!pending) {
      pending = this.load(groupId);
      this.rooms.set(groupId, pending);
    }
    try {
      const room = await pending;
      if (!room) this.rooms.delete(groupId);
      else if (this.rooms.get(groupId) === pending) this.ready.set(groupId, room);
      return room;
    } catch (err) {
      // A failed load (store unreachable) must not stick: the next call tries again.
      this.rooms.delete(groupId);
      throw err;
    }
  }

  /** The room of a group if it is loaded on this node already (what `get` would give), without waiting. */
  loaded(groupId: string): Room | undefined {
    return this.ready.get(groupId);
  }

  /** Lets a domain (media, board...) attach itself to every room as it is loaded. */
  onLoad(fn: (room: Room) => void | Promise<void>) {
    this.loadListeners.push(fn);
  }

  /** Forgets a room this node no longer owns (another node took it over). */
  drop(groupId: string) {
    const pending = this.rooms.get(groupId);
    this.forget(groupId);
    void pending?.then(
      (r) => r?.dispose(),
      () => undefined,
    );
  }

  /** Stops every room's timers (shutdown); their records stay in the store. */
  dispose() {
    for (const pending of this.rooms.values())
      void pending.then(
        (r) => r?.dispose(),
        () => undefined,
      );
    this.rooms.clear();
    this.ready.clear();
  }

  private forget(groupId: string) {
    this.rooms.delete(groupId);
    this.ready.delete(groupId);
  }

  private async load(groupId: string): Promise<Room | null> {
    const group = await this.deps.groups.get(groupId);
    if (!group) return null;
    const room = await Room.load(group, {
      ...this.deps,
      onEmpty: (id) => this.forget(id),
      onExpire: expire,
    });
    for (const fn of this.loadListeners) await fn(room);
    return room;
  }
}
