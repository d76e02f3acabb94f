import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './types.js';

/** Embedded store: one SQLite file in the data directory, WAL-journaled so a killed process loses nothing. */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'circle.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS logs (id INTEGER PRIMARY KEY AUTOINCREMENT, log TEXT NOT NULL, entry TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS logs_by_log ON logs (log, id);
  `);
  const getDoc = db.prepare<[string], { value: string }>('SELECT value FROM docs WHERE key = ?');
  const putDoc = db.prepare(
    'INSERT INTO docs (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const insertDoc = db.prepare('INSERT INTO docs (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  const delDoc = db.prepare('DELETE FROM docs WHERE key = ?');
  const replaceDoc = db.prepare(
    "UPDATE docs SET value = ? WHERE key = ? AND json_extract(value, '$.seq') = ?",
  );
  const appendLog = db.prepare('INSERT INTO logs (log, entry) VALUES (?, ?)');
  const readLog = db.prepare<[string], { entry: string }>('SELECT entry FROM logs WHERE log = ? ORDER BY id');
  // Prefixes are our own key names, but escape LIKE wildcards anyway so a prefix means a prefix.
  const delDocs = db.prepare("DELETE FROM docs WHERE key LIKE ? ESCAPE '\\'");
  const delLogs = db.prepare("DELETE FROM logs WHERE log LIKE ? ESCAPE '\\'");
  const like = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';

  return {
    kind: 'sqlite',
    async get<T>(key: string) {
      const row = getDoc.get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    async put(key, value) {
      putDoc.run(key, JSON.stringify(value));
    },
    async putIfAbsent<T>(key: string, value: T) {
      insertDoc.run(key, JSON.stringify(value));
      return JSON.parse(getDoc.get(key)!.value) as T;
    },
    async del(key) {
      delDoc.run(key);
    },
    async replaceIfSeq<T extends { seq: number }>(key: string, value: T, expectedSeq: number) {
      const json = JSON.stringify(value);
      if (expectedSeq === 0) return insertDoc.run(key, json).changes === 1;
      return replaceDoc.run(json, key, expectedSeq).changes === 1;
    },
    async append(log, entry) {
      appendLog.run(log, JSON.stringify(entry));
    },
    async read<T>(log: string) {
      return readLog.all(log).map((r) => JSON.parse(r.entry) as T);
    },
    async deletePrefix(prefix) {
      db.transaction(() => {
        delDocs.run(like(prefix));
        delLogs.run(like(prefix));
      })();
    },
    async close() {
      db.close();
    },
  };
}
