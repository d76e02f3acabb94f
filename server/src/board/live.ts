import type { Role } from '@circle/shared';
import {
  BOARD_LIMITS,
  isEmptyModel,
  readModel,
  readSyncMessage,
  syncStep2,
  updateMessage,
} from '@circle/shared';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AppError } from '../errors.js';
import type { CircleSocket } from '../socket/types.js';
import type { Store } from '../store/index.js';
import type { Actor } from './authority.js';
import { BalanceAuthority } from './authority.js';
import { encodeAwareness, sanitizeAwareness } from './awareness.js';
import { BalancePersistence } from './persistence.js';

/** Awareness client ids one connection may hold in a balance (a page makes a new one after each reset). */
const MAX_AWARENESS_IDS = 8;
/**
 * Heap one Yjs struct costs in one copy of the document, measured with bench/board-memory.ts: about
 * 800 bytes in a full balance of items, 220 for a tombstone. The upper figure, so the live cap errs on
 * the side of unloading.
 */
export const HEAP_PER_STRUCT = 800;

export interface Subscriber {
  socket: CircleSocket;
  pid: string;
  role: Role;
}

export interface LiveOptions {
  /** Compact the log into one state after this many accepted updates. */
  compactEvery: number;
  /** Whether a subscriber may still read this balance (sharing and presence change under it). */
  visible: (live: LiveBalance, sub: Subscriber) => boolean;
  /** Called when the last subscriber leaves, so the service can unload the doc after a while. */
  idle: (live: LiveBalance) => void;
}

/**
 * One balance held in memory while anyone has it open. Every operation runs through `run`, one at a time,
 * so an update is checked, persisted, applied and broadcast before the next is looked at, and an opener
 * registered inside `run` cannot miss an update between its sync step 2 and the first broadcast.
 */
export class LiveBalance {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly awareness = new Awareness(new Y.Doc());
  /** Awareness client id -> the socket that speaks for it. */
  private readonly awarenessOwners = new Map<number, string>();
  disposed = false;

  private constructor(
    readonly groupId: string,
    readonly id: string,
    private readonly authority: BalanceAuthority,
    private readonly persistence: BalancePersistence,
    private gen: number,
    private logLength: number,
    private bytes: number,
    /** Accepted changes since the last snapshot (kept in the store too, see BalancePersistence). */
    private changed: boolean,
    private readonly opts: LiveOptions,
  ) {
    this.awareness.setLocalState(null);
  }

  static async load(store: Store, groupId: string, id: string, opts: LiveOptions) {
    const persistence = new BalancePersistence(store, groupId, id);
    const l = await persistence.load();
    const authority = new BalanceAuthority(l.state, l.clients, l.entries);
    const changed = await persistence.changedSinceSnapshot();
    return new LiveBalance(groupId, id, authority, persistence, l.gen, l.logLength, l.bytes, changed, opts);
  }

  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  get subscriberCount() {
    return this.subscribers.size;
  }

  model() {
    return readModel(this.authority.doc);
  }

  /** Estimated heap this balance holds, for the per-process cap on live balances. */
  weight(): number {
    return this.authority.structCount() * this.authority.copies * HEAP_PER_STRUCT;
  }

  /** At a meeting's end: keeps the model if it changed since the last snapshot. Runs inside `run`. */
  async snapshot(at: number): Promise<void> {
    if (!this.changed) return;
    const model = this.model();
    const last = await this.persistence.lastSnapshot();
    if (last ? JSON.stringify(last.model) === JSON.stringify(model) : isEmptyModel(model))
      await this.persistence.snapshotted();
    else await this.persistence.snapshot({ at, model });
    this.changed = false;
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.authority.doc);
  }

  /** Subscribes the socket and answers its sync step 1 with step 2 and the current awareness. */
  open(sub: Subscriber, step1: Uint8Array): { sync: Uint8Array; awareness: Uint8Array | null } {
    let sync: Uint8Array;
    try {
      const m = readSyncMessage(step1);
      if (m.type !== 'step1') throw new Error('expected step 1');
      sync = syncStep2(this.authority.doc, m.stateVector);
    } catch {
      throw new AppError('BAD_REQUEST');
    }
    this.subscribers.set(sub.socket.id, sub);
    const ids = [...this.awareness.getStates().keys()];
    return { sync, awareness: ids.length ? encodeAwarenessUpdate(this.awareness, ids) : null };
  }

  /** Checks, persists (before anything else), applies and broadcasts one update. */
  async update(socketId: string, actor: Actor, message: Uint8Array): Promise<void> {
    let update: Uint8Array;
    try {
      const m = readSyncMessage(message);
      if (m.type === 'step1') throw new Error('not an update');
      update = m.update;
    } catch {
      throw new AppError('BAD_REQUEST');
    }
    if (this.bytes + update.byteLength > BOARD_LIMITS.documentMax) throw new AppError('LIMIT');
    const verdict = this.authority.check(update, actor);
    if (!verdict.ok) throw new AppError(verdict.error);
    if (!verdict.changed) return;
    try {
      if (!this.changed) await this.persistence.markChanged();
      this.changed = true;
      await this.persistence.append(this.gen, update, actor.pid);
    } catch (err) {
      this.authority.abandon();
      throw err;
    }
    this.authority.commit(update, actor.pid);
    this.bytes += update.byteLength;
    this.logLength++;
    this.broadcast(socketId, (s) => s.emit('board:update', this.id, updateMessage(update)));
    if (this.logLength >= this.opts.compactEvery) void this.run(() => this.compact()).catch(() => undefined);
  }

  /** Relays who is editing what, rewritten so nobody can speak for another person or another tab. */
  awarenessUpdate(sub: Subscriber, bytes: Uint8Array): void {
    // Only a connection that has the balance open speaks in it, for a handful of its own client ids.
    if (!this.subscribers.has(sub.socket.id)) throw new AppError('CONFLICT');
    const entries = sanitizeAwareness(bytes, sub.pid);
    if (!entries) throw new AppError('BAD_REQUEST');
    for (const e of entries) {
      const owner = this.awarenessOwners.get(e.clientID);
      if (owner !== undefined && owner !== sub.socket.id) throw new AppError('FORBIDDEN');
    }
    const held = [...this.awarenessOwners.values()].filter((s) => s === sub.socket.id).length;
    const fresh = entries.filter((e) => !this.awarenessOwners.has(e.clientID)).length;
    if (held + fresh > MAX_AWARENESS_IDS) throw new AppError('CONFLICT');
    for (const e of entries) this.awarenessOwners.set(e.clientID, sub.socket.id);
    const clean = encodeAwareness(entries);
    applyAwarenessUpdate(this.awareness, clean, sub.socket.id);
    this.broadcast(sub.socket.id, (s) => s.emit('board:awareness', this.id, clean));
  }

  /** The socket closed the balance, disconnected or may no longer see it: its awareness goes too. */
  unsubscribe(socketId: string): void {
    if (!this.subscribers.delete(socketId)) return;
    const mine = [...this.awarenessOwners].filter(([, s]) => s === socketId).map(([id]) => id);
    for (const id of mine) this.awarenessOwners.delete(id);
    const present = mine.filter((id) => this.awareness.getStates().has(id));
    if (present.length) {
      removeAwarenessStates(this.awareness, present, 'left');
      const gone = encodeAwarenessUpdate(this.awareness, present);
      this.broadcast(socketId, (s) => s.emit('board:awareness', this.id, gone));
    }
    if (this.subscribers.size === 0) {
      this.authority.abandon();
      this.opts.idle(this);
    }
  }

  /** Drops every subscriber who may no longer read this balance, telling them so. */
  recheck(): void {
    for (const sub of [...this.subscribers.values()])
      if (!this.opts.visible(this, sub)) {
        this.unsubscribe(sub.socket.id);
        sub.socket.emit('board:gone', this.id);
      }
  }

  /** Everyone who has it open is told it is gone (deletion). */
  evictAll(): void {
    for (const sub of [...this.subscribers.values()]) {
      this.unsubscribe(sub.socket.id);
      sub.socket.emit('board:gone', this.id);
    }
  }

  /** Replaces the log with one encoded state. Runs inside `run`, so no append interleaves. */
  async compact(): Promise<void> {
    if (this.disposed || this.logLength === 0) return;
    const state = this.authority.encodeState();
    await this.persistence.compact(this.gen + 1, state, this.authority.clientsRecord());
    this.gen += 1;
    this.logLength = 0;
    this.bytes = state.byteLength;
  }

  get store() {
    return this.persistence;
  }

  dispose(): void {
    this.disposed = true;
    this.awareness.destroy();
    this.authority.doc.destroy();
  }

  private broadcast(except: string, send: (s: CircleSocket) => void): void {
    for (const sub of [...this.subscribers.values()]) {
      if (sub.socket.id === except) continue;
      if (this.opts.visible(this, sub)) send(sub.socket);
      else {
        this.unsubscribe(sub.socket.id);
        sub.socket.emit('board:gone', this.id);
      }
    }
  }
}
