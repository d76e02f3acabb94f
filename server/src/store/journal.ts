import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { floorReducer, type FloorCommand, type FloorState } from '@circle/shared';
import { privateFile } from './files.js';

/**
 * How a room record follows from the one written before it (seq one less): one floor command at one
 * server time. The floor rules are pure and deterministic, so replaying the command gives the very record
 * the room committed; a line of ~150 bytes stands for a record of ~4 KB.
 */
export interface FloorDelta {
  now: number;
  cmd: FloorCommand;
}

/** The record `delta` makes of `doc` (whose seq is one less than `seq`). */
export function replayFloor<T extends { seq: number; floor: FloorState }>(
  doc: T,
  delta: FloorDelta,
  seq: number,
): T {
  const r = floorReducer(doc.floor, delta.cmd, delta.now);
  // The room refused nothing it journaled: a refusal here means the record is not the one the room had.
  if (r.effects.some((e) => e.type === 'rejected'))
    throw new Error('journal: a floor command no longer applies');
  return { ...doc, floor: r.state, seq };
}

interface Line {
  k: string;
  s: number;
  d: FloorDelta;
}

/**
 * An append-only file of floor deltas beside the SQLite file. The SQLite store writes most floor changes
 * here (one `write` per turn of the event loop, for every room that changed in it) instead of a SQLite
 * transaction per change: what reached the file before the caller heard "done" survives a kill -9 as a
 * committed SQLite transaction does (the kernel has it; neither is fsynced, see `synchronous = NORMAL`).
 * On open the lines are replayed into the documents and the file is emptied.
 */
export class Journal {
  private fd: number;
  /** Bytes in the file now (it is emptied when every document it covers is written in full). */
  bytes = 0;
  /** Keys with lines in the file now: deleting one of them must empty the file (deleted means deleted). */
  readonly keys = new Set<string>();

  /** `write`: the system call (a test gives one that fails half-way, as a full disk does). */
  constructor(
    readonly file: string,
    private readonly write: (fd: number, data: Buffer, offset: number) => number = writeSync,
  ) {
    privateFile(file);
    this.fd = openSync(file, 'a');
  }

  /** The deltas in the file, in the order written; a torn last line (a kill mid-write) was never acknowledged. */
  read(): { key: string; seq: number; delta: FloorDelta }[] {
    const out: { key: string; seq: number; delta: FloorDelta }[] = [];
    for (const text of readFileSync(this.file, 'utf8').split('\n')) {
      if (!text) continue;
      try {
        const line = JSON.parse(text) as Line;
        out.push({ key: line.k, seq: line.s, delta: line.d });
      } catch {
        // Only the last line can be torn; nothing after it was written.
      }
    }
    return out;
  }

  line(key: string, seq: number, delta: FloorDelta): string {
    return `${JSON.stringify({ k: key, s: seq, d: delta } satisfies Line)}\n`;
  }

  /** Appends lines in one write: done once the kernel has them. */
  append(text: string, keys: Iterable<string>): void {
    const buf = Buffer.from(text);
    try {
      // One write of the whole text is the usual case; a short write (a signal) goes on from there.
      for (let written = 0; written < buf.length;) written += this.write(this.fd, buf, written);
    } catch (err) {
      // A write that failed part-way (a full disk) leaves a torn line, and the next append would be glued
      // to it and lost on replay although acknowledged: cut the file back to what it held before.
      this.cutTo(this.bytes);
      throw err;
    }
    this.bytes += buf.length;
    for (const k of keys) this.keys.add(k);
  }

  /**
   * Takes back what was appended after the file held `bytes` (lines whose batch failed after all: they
   * were never acknowledged, and a replay must not apply them). `keys` may keep their names: it only
   * makes a deletion compact when it need not.
   */
  cutTo(bytes: number): void {
    ftruncateSync(this.fd, bytes);
    this.bytes = bytes;
  }

  /** Empties the file: the documents now hold everything it said. */
  clear(): void {
    ftruncateSync(this.fd, 0);
    this.bytes = 0;
    this.keys.clear();
  }

  close(): void {
    closeSync(this.fd);
  }
}
