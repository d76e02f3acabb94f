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
  append(log: string, entry: unknown): Promise<void>;
  read<T>(log: string): Promise<T[]>;
  /** Removes every document and log whose name starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}
