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
  replaceIfSeq<T extends { seq: number }>(key: string, value: T, expectedSeq: number): Promise<boolean>;
  append(log: string, entry: unknown): Promise<void>;
  read<T>(log: string): Promise<T[]>;
  /** Removes every document and log whose name starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}
