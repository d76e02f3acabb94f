import Database from 'better-sqlite3';
import { join } from 'node:path';
import { privateDir, privateFile, tightenIfPresent } from './files.js';
import type { Store } from './types.js';

/** `user_version` once the file has been rebuilt with secure_delete on (see below). */
const SECURE_SINCE = 1;

/** Embedded store: one SQLite file in the data directory, WAL-journaled so a killed process loses nothing. */
export function openSqliteStore(dataDir: string): Store {
  privateDir(dataDir);
  const file = join(dataDir, 'circle.db');
  privateFile(file);
  const db = new Database(file);
  // Deleted rows are overwritten with zeros, not just unlinked: "deleted" must hold for someone who reads
  // the file itself (a stolen disk or backup), not only for queries.
  db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS logs (id INTEGER PRIMARY KEY AUTOINCREMENT, log TEXT NOT NULL, entry TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS logs_by_log ON logs (log, id);
  `);
  // A file written before secure_delete was on still holds deleted rows in its free space: rebuild it once.
  if ((db.pragma('user_version', { simple: true }) as number) < SECURE_SINCE) {
    db.exec('VACUUM');
    db.pragma(`user_version = ${SECURE_SINCE}`);
  }
  // The fence's seq in a column of its own: comparing it no longer parses the whole stored record (every
  // change of every room did). Rows from before it have none, and are compared by their JSON's seq.
  const columns = db.pragma('table_info(docs)') as { name: string }[];
  if (!columns.some((c) => c.name === 'seq')) db.exec('ALTER TABLE docs ADD COLUMN seq INTEGER');
  const checkpoint = () => db.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint();
  // SQLite gives its -wal and -shm the main file's mode, but files left by an older version may be looser.
  tightenIfPresent([`${file}-wal`, `${file}-shm`]);

  const getDoc = db.prepare<[string], { value: string }>('SELECT value FROM docs WHERE key = ?');
  const putDoc = db.prepare(
    'INSERT INTO docs (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, seq = NULL',
  );
  const insertDoc = db.prepare('INSERT INTO docs (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  const insertFenced = db.prepare(
    'INSERT INTO docs (key, value, seq) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING',
  );
  const delDoc = db.prepare('DELETE FROM docs WHERE key = ?');
  const replaceDoc = db.prepare(
    "UPDATE docs SET value = @json, seq = @seq WHERE key = @key AND (seq = @expected OR (seq IS NULL AND json_extract(value, '$.seq') = @expected))",
  );
  const appendLog = db.prepare('INSERT INTO logs (log, entry) VALUES (?, ?)');
  const readLog = db.prepare<[string], { entry: string }>('SELECT entry FROM logs WHERE log = ? ORDER BY id');
  const delLog = db.prepare('DELETE FROM logs WHERE log = ?');
  // Prefixes are our own key names, but escape LIKE wildcards anyway so a prefix means a prefix.
  const delDocs = db.prepare("DELETE FROM docs WHERE key LIKE ? ESCAPE '\\'");
  const delLogs = db.prepare("DELETE FROM logs WHERE log LIKE ? ESCAPE '\\'");
  const listKeys = db.prepare<[string, string], { key: string }>(
    "SELECT key FROM docs WHERE key LIKE ? ESCAPE '\\' UNION SELECT DISTINCT log FROM logs WHERE log LIKE ? ESCAPE '\\'",
  );
  const like = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

  // Group commit: the fenced writes of one turn of the event loop (every room that changed in it) go to
  // disk in one transaction, and each caller hears its own answer only once that transaction is done,
  // so nothing acknowledged is lost. Any other operation first writes what is pending, so the order of
  // calls is the order on disk (a deletion can never be overtaken by an older write).
  interface Pending {
    key: string;
    json: string;
    seq: number;
    expected: number;
    done: (won: boolean) => void;
    failed: (err: unknown) => void;
  }
  let pending: Pending[] = [];
  const writeBatch = db.transaction((batch: Pending[]) =>
    batch.map((w) =>
      w.expected === 0
        ? insertFenced.run(w.key, w.json, w.seq).changes === 1
        : replaceDoc.run({ json: w.json, seq: w.seq, key: w.key, expected: w.expected }).changes === 1,
    ),
  );
  const flush = () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    let won: boolean[];
    try {
      won = writeBatch(batch);
    } catch (err) {
      for (const w of batch) w.failed(err);
      return;
    }
    batch.forEach((w, i) => w.done(won[i]!));
  };

  return {
    kind: 'sqlite',
    async get<T>(key: string) {
      flush();
      const row = getDoc.get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    async put(key, value) {
      flush();
      putDoc.run(key, JSON.stringify(value));
    },
    async putIfAbsent<T>(key: string, value: T) {
      flush();
      insertDoc.run(key, JSON.stringify(value));
      return JSON.parse(getDoc.get(key)!.value) as T;
    },
    async del(key) {
      flush();
      delDoc.run(key);
    },
    replaceIfSeq<T extends { seq: number }>(key: string, value: T, expected: number, given?: string) {
      const json = given ?? JSON.stringify(value);
      return new Promise<boolean>((done, failed) => {
        if (pending.push({ key, json, seq: value.seq, expected, done, failed }) === 1) setImmediate(flush);
      });
    },
    async append(log, entry) {
      flush();
      appendLog.run(log, JSON.stringify(entry));
    },
    async read<T>(log: string) {
      flush();
      return readLog.all(log).map((r) => JSON.parse(r.entry) as T);
    },
    async rewriteLog<T>(log: string, fn: (entries: T[]) => T[]) {
      flush();
      // One synchronous transaction: nothing else runs on this connection meanwhile.
      db.transaction(() => {
        const raw = readLog.all(log).map((r) => r.entry);
        const next = fn(raw.map((e) => JSON.parse(e) as T)).map((e) => JSON.stringify(e));
        // Unchanged: nothing written (sweeps and erasures look at many logs and change few).
        if (next.length === raw.length && next.every((e, i) => e === raw[i])) return;
        delLog.run(log);
        for (const e of next) appendLog.run(log, e);
      })();
    },
    async deletePrefix(prefix) {
      flush();
      db.transaction(() => {
        delDocs.run(like(prefix));
        delLogs.run(like(prefix));
      })();
    },
    async keys(prefix) {
      flush();
      return listKeys.all(like(prefix), like(prefix)).map((r) => r.key);
    },
    async forgetDeleted() {
      flush();
      // The write-ahead log still holds the pages as they were before the deletion; copying it into the
      // (zeroed) main file and truncating it to nothing removes those copies.
      checkpoint();
    },
    async close() {
      flush();
      db.close();
    },
  };
}
