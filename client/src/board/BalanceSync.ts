import type { BalanceSnapshot, BalanceSummary, BoardAccess, Bytes } from '@circle/shared';
import { readModel, Replica, toBytes } from '@circle/shared';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { errorCodeOf } from '../errors';
import { call } from '../socket';
import { limitNotice } from './full';
import type { BoardNotice } from './words';
import type { CircleSocket } from '../socket';

export type SyncStatus = 'connecting' | 'open' | 'offline' | 'gone';

/** Codes after which this copy holds something the server will never accept: start again from its copy. */
const RESET = new Set(['FORBIDDEN', 'CONFLICT', 'BAD_REQUEST', 'LIMIT']);
/** Worth trying again shortly on the same connection. */
const RETRY = new Set(['RATE_LIMITED', 'TIMEOUT', 'INTERNAL', 'UNAVAILABLE']);

/**
 * One balance this page has open. The Y.Doc lives here across reconnects: edits made while offline stay
 * in the replica's outbox and go out after the next sync (step 1 on open, step 2 in the answer), one
 * message at a time, each only dropped from the outbox once the server has stored it.
 */
export class BalanceSync {
  readonly replica = new Replica();
  awareness: Awareness;
  balance: BalanceSummary | null = null;
  access: BoardAccess | null = null;
  previous: BalanceSnapshot | null = null;
  status: SyncStatus = 'offline';
  /** Shown to the person: a refused change, or a problem reaching the server. */
  notice: BoardNotice | null = null;
  version = 0;
  private socket: CircleSocket | null = null;
  private attempt = 0;
  private sending = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private editing: string | null = null;
  private readonly listeners = new Set<() => void>();
  private unbind: (() => void) | null = null;

  constructor(readonly id: string) {
    this.awareness = this.makeAwareness();
    this.replica.subscribe(() => {
      this.notify();
      if (this.replica.pending) this.flushSoon();
    });
  }

  /** A fresh admitted connection: listen on it and (re)open, which also sends whatever waited offline. */
  attach(socket: CircleSocket): void {
    this.detach();
    this.socket = socket;
    const mine =
      <A extends unknown[]>(fn: (...a: A) => void) =>
      (id: string, ...a: A) => {
        if (id === this.id) fn(...a);
      };
    const onUpdate = mine((bytes: Bytes) => this.replica.applyRemote(bytes));
    const onAwareness = mine((bytes: Bytes) =>
      applyAwarenessUpdate(this.awareness, toBytes(bytes), 'remote'),
    );
    const onGone = mine(() => this.setStatus('gone'));
    // Until the next admitted join re-attaches, edits stay in the outbox and the screen says so.
    const onDisconnect = () => this.status !== 'gone' && this.setStatus('offline');
    socket.on('board:update', onUpdate);
    socket.on('board:awareness', onAwareness);
    socket.on('board:gone', onGone);
    socket.on('disconnect', onDisconnect);
    this.unbind = () => {
      socket.off('board:update', onUpdate);
      socket.off('board:awareness', onAwareness);
      socket.off('board:gone', onGone);
      socket.off('disconnect', onDisconnect);
    };
    void this.open();
  }

  detach(): void {
    this.unbind?.();
    this.unbind = null;
    this.socket = null;
    this.attempt++;
    this.sending = false;
    if (this.status !== 'gone') this.setStatus('offline');
  }

  /** Which item this person is editing, for the others' "… is editing" hints. */
  setEditing(itemId: string | null): void {
    this.editing = itemId;
    this.awareness.setLocalState(itemId ? { editing: itemId } : {});
  }

  /** Who (by pid) is editing which item, other than this page. */
  editors(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    this.awareness.getStates().forEach((state, client) => {
      const { pid, editing } = state as { pid?: string; editing?: string | null };
      if (client === this.awareness.clientID || !pid || !editing) return;
      out.set(editing, [...(out.get(editing) ?? []), pid]);
    });
    return out;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  dismissNotice(): void {
    this.notice = null;
    this.notify();
  }

  /** Closes it for good on this page (it is no longer selected nor in the spotlight). */
  close(): void {
    const socket = this.socket;
    if (socket?.connected) void call(socket, 'board:close', { id: this.id }).catch(() => undefined);
    this.detach();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.awareness.destroy();
    this.replica.destroy();
    this.listeners.clear();
  }

  private async open(): Promise<void> {
    const socket = this.socket;
    const attempt = this.attempt;
    if (!socket) return;
    this.setStatus('connecting');
    try {
      const res = await call(socket, 'board:open', { id: this.id, sync: this.replica.openMessage() });
      if (attempt !== this.attempt) return;
      this.replica.applyOpened(res.sync);
      if (res.awareness) applyAwarenessUpdate(this.awareness, toBytes(res.awareness), 'remote');
      Object.assign(this, { balance: res.balance, access: res.access, previous: res.previous });
      this.setStatus('open');
      this.announce();
      this.flushSoon(0);
    } catch (err) {
      if (attempt !== this.attempt) return;
      const code = errorCodeOf(err);
      if (code === 'NOT_FOUND') this.setStatus('gone');
      else if (RETRY.has(code)) setTimeout(() => attempt === this.attempt && void this.open(), 1500);
      else this.setStatus('offline');
    }
  }

  private flushSoon(ms = 40): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, ms);
  }

  private async flush(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected || this.sending || this.status !== 'open') return;
    const batch = this.replica.nextBatch();
    if (!batch) return;
    const attempt = this.attempt;
    this.sending = true;
    try {
      await call(socket, 'board:update', { id: this.id, sync: batch.message });
      // After a reconnect the same changes go again from the outbox; a late answer here must not drop them.
      if (attempt !== this.attempt) return;
      this.replica.acked(batch.count);
    } catch (err) {
      if (attempt !== this.attempt) return;
      const code = errorCodeOf(err);
      if (RESET.has(code)) {
        // A cap (another editor may have filled the balance at the same moment) gets its own words.
        this.notice = code === 'LIMIT' ? limitNotice(readModel(this.replica.doc)) : 'rejected';
        this.replica.reset();
        this.awareness = this.makeAwareness();
        this.attempt++;
        void this.open();
      } else if (code === 'NOT_FOUND') this.setStatus('gone');
      else if (RETRY.has(code)) setTimeout(() => this.flushSoon(0), 1000);
    } finally {
      if (attempt === this.attempt) this.sending = false;
      this.notify();
    }
    if (this.replica.pending) this.flushSoon(0);
  }

  private makeAwareness(): Awareness {
    const a = new Awareness(this.replica.doc);
    if (this.editing) a.setLocalState({ editing: this.editing });
    a.on('update', (_: unknown, origin: unknown) => {
      if (origin === 'local') this.announce();
    });
    a.on('change', () => this.notify());
    return a;
  }

  /** Sends this page's awareness state (readers have nothing to announce, and may not). */
  private announce(): void {
    const socket = this.socket;
    if (!socket?.connected || this.status !== 'open' || this.access === 'read') return;
    const message = encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
    void call(socket, 'board:awareness', { id: this.id, awareness: message }).catch(() => undefined);
  }

  private setStatus(s: SyncStatus): void {
    this.status = s;
    this.notify();
  }

  private notify(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }
}
