import * as Y from 'yjs';
import { BOARD_LIMITS } from './limits.js';
import { createBoardDoc } from './model.js';
import type { Bytes } from './protocol.js';
import { readSyncMessage, syncStep1, updateMessage } from './protocol.js';

/** The origin of changes that came from the server, so they are not sent back. */
export const REMOTE = Symbol('remote');

/**
 * One client's copy of a balance, transport-free (the browser and the convergence test both drive it).
 * Local changes queue in an outbox until the server acknowledges them; nothing leaves the outbox on a
 * failed or unanswered send, so edits made offline go out after the next sync.
 */
export class Replica {
  doc: Y.Doc = createBoardDoc();
  /**
   * Whether this copy has had the server's answer to an open since it was created or reset. Before that
   * it may be empty: nothing should be edited then (a proposal could not see the proposer's own others,
   * and would overshoot the per-person cap the server enforces).
   */
  synced = false;
  private outbox: Uint8Array[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly cap: number = BOARD_LIMITS.messageMax - 64) {
    this.bind();
  }

  /** Sync step 1 for (re)opening: the server answers with step 2, everything this copy lacks. */
  openMessage(): Uint8Array {
    return syncStep1(this.doc);
  }

  /** Applies the server's answer to `openMessage` (sync step 2): from now on this copy may be edited. */
  applyOpened(message: Bytes): void {
    this.applyRemote(message);
    this.synced = true;
    this.notify();
  }

  /** Applies a step 2 or update from the server. Missing pieces wait inside Yjs until they arrive. */
  applyRemote(message: Bytes): void {
    const m = readSyncMessage(message);
    if (m.type !== 'step1') Y.applyUpdate(this.doc, m.update, REMOTE);
  }

  get pending(): number {
    return this.outbox.length;
  }

  /** The next update message to send: as many queued changes as fit under the cap, merged. */
  nextBatch(): { message: Uint8Array; count: number } | null {
    if (this.outbox.length === 0) return null;
    let size = 0;
    let count = 0;
    while (count < this.outbox.length && size + this.outbox[count]!.byteLength <= this.cap) {
      size += this.outbox[count]!.byteLength;
      count++;
    }
    // A single change over the cap can never be sent; the UI's limits keep changes far smaller.
    if (count === 0) throw new Error('change too large to send');
    const update = count === 1 ? this.outbox[0]! : Y.mergeUpdates(this.outbox.slice(0, count));
    return { message: updateMessage(update), count };
  }

  /** The server stored the first `count` queued changes. */
  acked(count: number): void {
    this.outbox.splice(0, count);
  }

  /**
   * The server refused a change: this copy holds something the authority never will, so start again from
   * the server's copy (unsent changes are dropped; they were refused or built on the refused one).
   */
  reset(): void {
    this.doc.destroy();
    this.doc = createBoardDoc();
    this.outbox = [];
    this.synced = false;
    this.bind();
    this.notify();
  }

  /** Called after every change, local or remote, and after a reset. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  destroy(): void {
    this.listeners.clear();
    this.doc.destroy();
  }

  private bind() {
    const doc = this.doc;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.outbox.push(update);
      this.notify();
    });
  }

  private notify() {
    for (const fn of this.listeners) fn();
  }
}
