import type { FloorDelta } from './journal.js';

/**
 * The one storage interface the server uses. Two implementations: embedded SQLite (default) and Redis
 * (when REDIS_URL is set). Values are JSON documents; logs are append-only lists.
 * Every write resolves only once it is durable enough to survive a kill -9 of the server.
 */
export interface Store {
  readonly kind: 'sqlite' | 'redis';
  get<T>(key: string): Promise<T | null>;
  put(key: string, value: unknown): Promise<void>;
  /** Stores `value` unless the key exists; returns whatever is stored afterwards. */
  putIfAbsent<T>(key: string, value: T): Promise<T>;
  del(key: string): Promise<void>;
  /**
   * Replaces a document only if its numeric `seq` field still equals `expectedSeq` (or it is absent and
   * `expectedSeq` is 0). Several nodes writing one room use this as a fence: a stale writer fails.
   */
  replaceIfSeq<T extends { seq: number }>(
    key: string,
    value: T,
    expectedSeq: number,
    /**
     * How `value` follows from the value written before it (one floor command), when that is all that
     * changed: the embedded store then journals the command instead of the whole document.
     */
    delta?: FloorDelta,
  ): Promise<boolean>;
  append(log: string, entry: unknown): Promise<void>;
  read<T>(log: string): Promise<T[]>;
  /**
   * Replaces a log by `fn(entries)` in one step: an append racing with it (from this node or another) is
   * neither lost nor rewritten half-way. `fn` may run more than once and must not have side effects.
   * An empty result removes the log.
   */
  rewriteLog<T>(log: string, fn: (entries: T[]) => T[]): Promise<void>;
  /** Removes every document and log whose name starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
  /** The names of the documents and logs that start with `prefix` (for the retention sweep). */
  keys(prefix: string): Promise<string[]>;
  /**
   * Makes earlier deletions final on disk, not only in queries: the bytes of what was deleted no longer
   * sit in the database's files (SQLite's write-ahead log, Redis's append-only file). Called after a
   * group or an identity is deleted and after a retention sweep; never fails for lack of permission.
   */
  forgetDeleted(): Promise<void>;
  close(): Promise<void>;
}
