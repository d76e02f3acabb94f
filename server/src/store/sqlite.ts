import Database from 'better-sqlite3';
import { join } from 'node:path';
import { privateDir, privateFile, tightenIfPresent } from './files.js';
import type { FloorState } from '@circle/shared';
import { Journal, replayFloor, type FloorDelta } from './journal.js';
import type { Store } from './types.js';

/** Floor deltas a document may be behind its SQLite row before it is written whole again (bounds replay). */
const MAX_DELTAS = 200;
/** The journal is emptied (every document it is ahead of written whole) once it grows past this. */
const JOURNAL_LIMIT = 8 * 1024 * 1024;
/** Documents written whole per turn of the event loop while the journal is emptied (see `drain`). */
const DRAIN_SLICE = 32;

/** `user_version` once the file has been rebuilt with secure_delete on (see below). */
const SECURE_SINCE = 1;

/**
 * Embedded store: one SQLite file in the data directory, WAL-journaled so a killed process loses nothing,
 * and the journal of floor commands beside it (journal.ts).
 *
 * `journalWrite`: the journal's write system call (tests give one that fails, as a full disk does);
 * `journalLimit` and `drainSlice`: JOURNAL_LIMIT and DRAIN_SLICE (tests make them small); `later`: how a
 * step of emptying the journal is put off to the next turn of the event loop (tests run steps themselves).
 */
export function openSqliteStore(
  dataDir: string,
  opts: {
    journalWrite?: ConstructorParameters<typeof Journal>[1];
    journalLimit?: number;
    drainSlice?: number;
    later?: (step: () => void) => void;
  } = {},
): Store {
  const { journalLimit = JOURNAL_LIMIT, drainSlice = DRAIN_SLICE, later = setImmediate } = opts;
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
  const forceDoc = db.prepare('UPDATE docs SET value = ?, seq = ? WHERE key = ?');
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
  // disk together, and each caller hears its own answer only once they are there, so nothing acknowledged
  // is lost. A write that says how it follows from the one before (a floor command, see journal.ts) goes
  // to the journal as one short line; the others, and every MAX_DELTAS-th one of a document, are written
  // whole in one SQLite transaction. Any other operation first writes what is pending, so the order of
  // calls is the order on disk (a deletion can never be overtaken by an older write).
  interface Pending {
    key: string;
    value: { seq: number };
    expected: number;
    delta?: FloorDelta;
    done: (won: boolean) => void;
    failed: (err: unknown) => void;
  }
  /**
   * What this process wrote last to a document through the fence: its seq (so the fence needs no query)
   * and, while the SQLite row is behind the journal, the value itself (what `get` answers, and what a
   * compaction writes). Only documents written here since nobody read them: a reader may change what it
   * read before writing it back (a room loaded after a restart marks people offline), and a delta is only
   * a delta of exactly what was written before it.
   */
  interface Known {
    seq: number;
    behind?: { value: { seq: number }; deltas: number };
  }
  const known = new Map<string, Known>();
  const journal = new Journal(join(dataDir, 'circle.journal'), opts.journalWrite);
  let pending: Pending[] = [];
  /** The journal is being emptied (see `drain`). */
  let draining = false;
  const writeWhole = (key: string, value: { seq: number }) =>
    forceDoc.run(JSON.stringify(value), value.seq, key);
  replayJournal();
  /**
   * Writes whole, in one transaction, up to `limit` of the documents the journal is ahead of; once none
   * is left (fewer than `limit` found) the journal says nothing the database does not hold, and is emptied.
   * Returns whether it got there.
   */
  const writeBehind = (limit: number): boolean => {
    const written: Known[] = [];
    db.transaction(() => {
      for (const [key, k] of known) {
        if (!k.behind) continue;
        writeWhole(key, k.behind.value);
        if (written.push(k) === limit) break;
      }
    })();
    for (const k of written) delete k.behind;
    if (written.length === limit) return false;
    if (journal.bytes) journal.clear();
    draining = false;
    return true;
  };
  /** Writes in SQLite every document the journal is ahead of, then empties the journal. */
  const compact = () => {
    flush();
    writeBehind(Infinity);
  };
  /**
   * Empties the journal, past its limit, a slice at a time (while `draining`, every write goes whole). All
   * at once, with 500 busy rooms, it stalled the event loop ~19 ms (measured alone; more under load) every
   * two minutes. A crash half-way is a crash like any other: a replay skips the lines a row already holds.
   */
  const drain = () => {
    // A compaction may have finished it meanwhile.
    if (draining && !writeBehind(drainSlice)) later(drain);
  };
  /**
   * A document is about to be read: its row is brought up to date (the journal's lines for it then hold
   * nothing newer, and a replay skips them), and the next write of it is fenced by the row again.
   */
  const settle = (key: string) => {
    flush();
    const behind = known.get(key)?.behind;
    if (behind) writeWhole(key, behind.value);
    known.delete(key);
  };
  /** A document is about to be replaced unfenced or deleted: no line of the journal may speak of it after. */
  const erase = (key: string) => {
    flush();
    if (journal.keys.has(key)) compact();
    known.delete(key);
  };

  function replayJournal() {
    const docs = new Map<string, { seq: number; floor: FloorState } | null>();
    const replayed = new Set<string>();
    const stopped = new Set<string>();
    for (const { key, seq, delta } of journal.read()) {
      if (stopped.has(key)) continue;
      if (!docs.has(key)) {
        const row = getDoc.get(key);
        docs.set(key, row ? JSON.parse(row.value) : null);
      }
      const doc = docs.get(key);
      // Lines the document already holds (written whole after them) or that follow a line lost: skipped.
      if (doc?.seq !== seq - 1) continue;
      try {
        docs.set(key, replayFloor(doc, delta, seq));
        replayed.add(key);
      } catch {
        // A command the floor rules no longer accept (rules changed by an upgrade after a crash): the room
        // keeps what it had up to there rather than the server refusing to start. Names no one.
        console.warn(`circle: journal replay stopped for ${key} at seq ${seq}`);
        stopped.add(key);
      }
    }
    db.transaction(() => {
      for (const key of replayed) {
        const doc = docs.get(key);
        if (doc) writeWhole(key, doc);
      }
    })();
    journal.clear();
  }

  /** What one batch does: documents it moved on (known once it is done) and the journal lines it adds. */
  interface Step {
    staged: Map<string, Known>;
    lines: string[];
    lineKeys: string[];
  }
  /** Whether `w`, the next write of a document this process knows, goes to the journal as a line. */
  const journaled = (k: Known, w: Pending) => !draining && !!w.delta && (k.behind?.deltas ?? 0) < MAX_DELTAS;
  const step = (w: Pending, out: Step): boolean => {
    const k = out.staged.get(w.key) ?? known.get(w.key);
    if (!k) {
      // First write of this document by this process: the fence is the row's own seq.
      const json = JSON.stringify(w.value);
      const ok =
        w.expected === 0
          ? insertFenced.run(w.key, json, w.value.seq).changes === 1
          : replaceDoc.run({ json, seq: w.value.seq, key: w.key, expected: w.expected }).changes === 1;
      if (ok) out.staged.set(w.key, { seq: w.value.seq });
      return ok;
    }
    if (k.seq !== w.expected) return false;
    if (journaled(k, w)) {
      out.lines.push(journal.line(w.key, w.value.seq, w.delta!));
      out.lineKeys.push(w.key);
      out.staged.set(w.key, {
        seq: w.value.seq,
        behind: { value: w.value, deltas: (k.behind?.deltas ?? 0) + 1 },
      });
    } else {
      writeWhole(w.key, w.value);
      out.staged.set(w.key, { seq: w.value.seq });
    }
    return true;
  };
  /** Whether `w` needs no SQLite (a journal line, or a fence that fails): most batches need none. */
  const lineOnly = (w: Pending) => {
    const k = known.get(w.key);
    return !!k && (k.seq !== w.expected || journaled(k, w));
  };
  /** The batch's steps, then its journal lines in one write. */
  const steps = (batch: Pending[], out: Step) => {
    const won = batch.map((w) => step(w, out));
    if (out.lines.length) journal.append(out.lines.join(''), out.lineKeys);
    return won;
  };
  // The lines are written inside the transaction: if they cannot be, nothing of the batch is committed.
  const inTransaction = db.transaction(steps);

  const flush = () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const out: Step = { staged: new Map(), lines: [], lineKeys: [] };
    const journalBefore = journal.bytes;
    let won: boolean[];
    try {
      won = batch.every(lineOnly) ? steps(batch, out) : inTransaction(batch, out);
    } catch (err) {
      // All or nothing: lines written before the commit failed go too (nobody heard "done" for them).
      if (journal.bytes !== journalBefore) journal.cutTo(journalBefore);
      for (const w of batch) w.failed(err);
      return;
    }
    for (const [key, k] of out.staged) known.set(key, k);
    batch.forEach((w, i) => w.done(won[i]!));
    if (!draining && journal.bytes > journalLimit) {
      draining = true;
      later(drain);
    }
  };

  return {
    kind: 'sqlite',
    async get<T>(key: string) {
      settle(key);
      const row = getDoc.get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    async put(key, value) {
      erase(key);
      putDoc.run(key, JSON.stringify(value));
    },
    async putIfAbsent<T>(key: string, value: T) {
      erase(key);
      insertDoc.run(key, JSON.stringify(value));
      return JSON.parse(getDoc.get(key)!.value) as T;
    },
    async del(key) {
      erase(key);
      delDoc.run(key);
    },
    replaceIfSeq<T extends { seq: number }>(key: string, value: T, expected: number, delta?: FloorDelta) {
      return new Promise<boolean>((done, failed) => {
        if (pending.push({ key, value, expected, delta, done, failed }) === 1) setImmediate(flush);
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
      if ([...journal.keys].some((k) => k.startsWith(prefix))) compact();
      for (const k of [...known.keys()]) if (k.startsWith(prefix)) known.delete(k);
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
      compact();
      // The write-ahead log still holds the pages as they were before the deletion; copying it into the
      // (zeroed) main file and truncating it to nothing removes those copies.
      checkpoint();
    },
    async close() {
      if (!db.open) return;
      compact();
      journal.close();
      db.close();
    },
  };
}
