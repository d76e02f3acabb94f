import type { BalanceSummary, BoardAccess, Role } from '@circle/shared';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { CircleServer, CircleSocket } from '../socket/types.js';
import type { Store } from '../store/index.js';
import { accessFor } from './access.js';
import { Catalog } from './catalog.js';
import { LiveBalance, type Subscriber } from './live.js';
import { BalancePersistence } from './persistence.js';
import { Spotlights } from './spotlight.js';

export interface BoardOptions {
  /** How long a balance nobody has open stays in memory. */
  idleMs?: number;
  /** Accepted updates between two compactions of a balance's log. */
  compactEvery?: number;
  /**
   * Estimated heap all balances in memory may take in this process. Over it, the least recently used
   * balances nobody has open are compacted and unloaded at once; while the open ones alone exceed it,
   * no further balance is loaded (UNAVAILABLE) rather than risk the process.
   */
  liveMaxBytes?: number;
}

const RETRY = Symbol('retry');
/** Whether the same people are admitted in both (checked on every change of every room: no allocation). */
function samePresence(a: RoomRecord, b: RoomRecord): boolean {
  let admitted = 0;
  for (const pid in a.participants) {
    if (!a.participants[pid]!.admitted) continue;
    admitted++;
    if (!b.participants[pid]?.admitted) return false;
  }
  for (const pid in b.participants) if (b.participants[pid]!.admitted) admitted--;
  return admitted === 0;
}

/**
 * Decisional balances for every group: which balances exist (the catalog), the ones held in memory while
 * open (LiveBalance), the spotlight, and how all of it follows the room (presence, meeting end).
 */
export class Boards {
  readonly catalog: Catalog;
  readonly spotlights: Spotlights;
  /** In least-recently-used order: each use moves a balance to the end. */
  private readonly live = new Map<string, Promise<LiveBalance>>();
  /** The same balances once loaded, for synchronous accounting against the cap. */
  private readonly loaded = new Map<string, LiveBalance>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly rooms = new Map<string, Room>();
  /** socket id -> keys of the balances it has open, to clean up on disconnect. */
  private readonly opened = new Map<string, Set<string>>();
  private readonly idleMs: number;
  private readonly compactEvery: number;
  private readonly liveMaxBytes: number;

  constructor(
    private readonly deps: { store: Store; io: CircleServer; log: Logger },
    opts: BoardOptions = {},
  ) {
    this.catalog = new Catalog(deps.store);
    this.spotlights = new Spotlights(deps.store, deps.io);
    this.idleMs = opts.idleMs ?? 60_000;
    this.compactEvery = opts.compactEvery ?? 100;
    this.liveMaxBytes = opts.liveMaxBytes ?? 256 * 1024 * 1024;
  }

  /** Follows a room from when it is loaded: presence decides visibility; the meeting's end takes snapshots. */
  attach(room: Room): void {
    this.rooms.set(room.id, room);
    room.onChange((next, prev) => {
      if (next.participants === prev.participants || samePresence(next, prev)) return;
      for (const [key, pending] of this.live)
        if (key.startsWith(`${room.id}/`))
          void pending.then((l) => l.run(() => l.recheck())).catch(() => undefined);
      const shown = this.spotlights.peek(room);
      const owner = shown ? this.catalog.peek(room.id, shown)?.owner : undefined;
      if (shown && (!owner || !next.participants[owner]?.admitted))
        void this.spotlights.set(room, null).catch(() => undefined);
      this.deps.io.to(room.ch.room).emit('board:changed');
    });
    room.onEnd(async (ended) => {
      this.rooms.delete(room.id);
      await this.spotlights.end(room.id);
      await this.snapshotGroup(room.id, ended);
      await this.unloadGroup(room.id);
    });
  }

  /** What this person may do with a balance right now, or null when it is none of their business. */
  accessOf(room: Room, viewer: { pid: string; role: Role }, b: BalanceSummary): BoardAccess | null {
    if (!room.participant(viewer.pid)?.admitted) return null;
    return accessFor(b, viewer, !!room.participant(b.owner)?.admitted);
  }

  /**
   * Runs `fn` on the balance in memory (loading it if needed), in its queue. NOT_FOUND once deleted;
   * UNAVAILABLE when it would have to be loaded while the open balances alone fill the live cap (the
   * server's own work, e.g. snapshots, passes `mayRefuse` false: it unloads each balance right after).
   */
  async withLive<T>(
    groupId: string,
    id: string,
    fn: (live: LiveBalance) => T | Promise<T>,
    mayRefuse = true,
  ): Promise<T> {
    for (;;) {
      if (!(await this.catalog.get(groupId, id))) throw new AppError('NOT_FOUND');
      const key = `${groupId}/${id}`;
      if (mayRefuse && !this.live.has(key) && this.pinnedWeight() > this.liveMaxBytes)
        throw new AppError('UNAVAILABLE');
      const live = await this.load(groupId, id);
      const r = await live.run(async () => (live.disposed ? RETRY : { value: await fn(live) }));
      if (r !== RETRY) {
        if (live.subscriberCount === 0) this.idle(live);
        this.enforceCap();
        return r.value;
      }
    }
  }

  /** Subscribes a socket (inside the balance's queue, see LiveBalance.open). */
  subscribe(live: LiveBalance, sub: Subscriber, step1: Uint8Array) {
    const opened = live.open(sub, step1);
    const key = `${live.groupId}/${live.id}`;
    clearTimeout(this.idleTimers.get(key));
    this.idleTimers.delete(key);
    this.track(sub.socket, key);
    return opened;
  }

  /** Closes a balance for a socket if it is in memory; never loads one just to close it. */
  async close(socketId: string, groupId: string, id: string): Promise<void> {
    const pending = this.live.get(`${groupId}/${id}`);
    const live = pending && (await pending.catch(() => null));
    if (live) await live.run(() => live.unsubscribe(socketId));
    this.enforceCap();
  }

  /** Deletes a balance and everything kept about it. */
  async remove(room: Room, id: string): Promise<void> {
    await this.catalog.mutate(room.id, (index) => {
      delete index[id];
      return { next: index, result: null };
    });
    const key = `${room.id}/${id}`;
    const live = await this.load(room.id, id);
    await live.run(async () => {
      live.evictAll();
      await live.store.remove();
      live.dispose();
      this.forgetLive(key);
    });
    await this.spotlights.clearIf(room, id);
    this.deps.io.to(room.ch.room).emit('board:changed');
  }

  /** An erased identity takes its balances with it: nobody could ever reach them again. */
  async eraseOwner(room: Room, pid: string): Promise<void> {
    for (const b of await this.catalog.all(room.id)) if (b.owner === pid) await this.remove(room, b.id);
  }

  /** Tells every open copy of a balance to re-check who may still see it (after unsharing). */
  async recheck(groupId: string, id: string): Promise<void> {
    const pending = this.live.get(`${groupId}/${id}`);
    const live = pending && (await pending.catch(() => null));
    if (live) await live.run(() => live.recheck());
  }

  dispose(): void {
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
    for (const pending of this.live.values()) void pending.then((l) => l.dispose()).catch(() => undefined);
    this.live.clear();
    this.loaded.clear();
  }

  /**
   * At the end of each meeting, a snapshot of every balance that changed since its last one. The others
   * are not even loaded: an untouched balance gets no new snapshot (nor a fresh date on old content).
   */
  private async snapshotGroup(groupId: string, ended: RoomRecord): Promise<void> {
    const at = Date.now();
    for (const b of await this.catalog.all(groupId)) {
      try {
        const inMemory = this.live.has(`${groupId}/${b.id}`);
        if (
          !inMemory &&
          !(await new BalancePersistence(this.deps.store, groupId, b.id).changedSinceSnapshot())
        )
          continue;
        await this.withLive(groupId, b.id, (live) => live.snapshot(at), false);
      } catch (err) {
        // One balance failing must not keep the others (or the meeting's end) from completing.
        this.deps.log.error(
          { err: err instanceof Error ? err.name : 'unknown', meetingId: ended.meetingId },
          'board snapshot failed',
        );
      }
    }
  }

  private load(groupId: string, id: string): Promise<LiveBalance> {
    const key = `${groupId}/${id}`;
    let pending = this.live.get(key);
    if (!pending) {
      pending = LiveBalance.load(this.deps.store, groupId, id, {
        compactEvery: this.compactEvery,
        visible: (live, sub) => this.visible(live, sub),
        idle: (live) => this.idle(live),
      });
      this.live.set(key, pending);
      void pending.then(
        (l) => this.live.get(key) === pending && this.loaded.set(key, l),
        () => this.live.delete(key),
      );
    } else {
      // Most recently used last.
      this.live.delete(key);
      this.live.set(key, pending);
    }
    return pending;
  }

  private forgetLive(key: string): void {
    this.live.delete(key);
    this.loaded.delete(key);
  }

  /** What the balances someone has open weigh: those cannot be unloaded. */
  private pinnedWeight(): number {
    let sum = 0;
    for (const l of this.loaded.values()) if (l.subscriberCount > 0) sum += l.weight();
    return sum;
  }

  /** Over the cap: unload the least recently used balances nobody has open until under it again. */
  private enforceCap(): void {
    let total = 0;
    for (const l of this.loaded.values()) total += l.weight();
    // `live` is kept in least-recently-used order (see load).
    for (const key of [...this.live.keys()]) {
      if (total <= this.liveMaxBytes) return;
      const live = this.loaded.get(key);
      if (!live || live.subscriberCount > 0) continue;
      total -= live.weight();
      this.loaded.delete(key);
      void this.unload(key, live);
    }
  }

  /** Persists (compacts) and drops one balance nobody has open; the next use loads it again. */
  private unload(key: string, live: LiveBalance): Promise<void> {
    clearTimeout(this.idleTimers.get(key));
    this.idleTimers.delete(key);
    return live
      .run(async () => {
        if (live.disposed) return;
        if (live.subscriberCount > 0) {
          // Opened again while this waited in the queue: it stays.
          if (this.live.has(key)) this.loaded.set(key, live);
          return;
        }
        await live.compact();
        live.dispose();
        if (this.loaded.get(key) === live || !this.loaded.has(key)) this.forgetLive(key);
      })
      .catch(() => undefined);
  }

  private visible(live: LiveBalance, sub: Subscriber): boolean {
    const room = this.rooms.get(live.groupId);
    const meta = this.catalog.peek(live.groupId, live.id);
    return !!room && !!meta && this.accessOf(room, sub, meta) !== null;
  }

  /**
   * After a meeting nothing of the group stays in memory, so nothing is written later on its behalf: the
   * group may be deleted right after its meeting ends, and a late compaction would bring data back.
   */
  private async unloadGroup(groupId: string): Promise<void> {
    for (const [key, pending] of [...this.live]) {
      if (!key.startsWith(`${groupId}/`)) continue;
      clearTimeout(this.idleTimers.get(key));
      this.idleTimers.delete(key);
      const live = await pending.catch(() => null);
      await live?.run(() => {
        live.evictAll();
        live.dispose();
        if (this.live.get(key) === pending) this.forgetLive(key);
      });
    }
    this.catalog.forget(groupId);
  }

  /** Nobody has it open: after a while, compact it and let it go from memory. */
  private idle(live: LiveBalance): void {
    const key = `${live.groupId}/${live.id}`;
    clearTimeout(this.idleTimers.get(key));
    const timer = setTimeout(() => {
      this.idleTimers.delete(key);
      void this.unload(key, live);
    }, this.idleMs);
    timer.unref();
    this.idleTimers.set(key, timer);
  }

  /** A connection ended: it leaves every balance it had open (and its awareness goes with it). */
  socketGone(socketId: string): void {
    const keys = this.opened.get(socketId);
    this.opened.delete(socketId);
    for (const k of keys ?? []) {
      const [g, b] = k.split('/') as [string, string];
      void this.close(socketId, g, b).catch(() => undefined);
    }
  }

  private track(socket: CircleSocket, key: string): void {
    let set = this.opened.get(socket.id);
    if (!set) {
      set = new Set();
      this.opened.set(socket.id, set);
      // A connection on another node arrives as a proxy without events; its node reports the disconnect.
      if (typeof socket.once === 'function') socket.once('disconnect', () => this.socketGone(socket.id));
    }
    set.add(key);
  }
}
