import { mkdtempSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, type FloorDelta } from './journal.js';

const delta = (pid: string): FloorDelta => ({ now: 1_000, cmd: { type: 'raiseHand', pid } });
const file = () => join(mkdtempSync(join(tmpdir(), 'circle-journal-')), 'circle.journal');

describe('the journal file', () => {
  it('goes on after a short write, so a line is whole', () => {
    // A write that takes 7 bytes at a time (a signal interrupting it).
    const journal = new Journal(file(), (fd, data, offset) =>
      writeSync(fd, data, offset, Math.min(7, data.length - offset)),
    );
    journal.append(journal.line('group:a:room', 2, delta('ana')), ['group:a:room']);
    expect(journal.read()).toEqual([{ key: 'group:a:room', seq: 2, delta: delta('ana') }]);
  });

  it('cuts off what a failed write left, so the next acknowledged line is not glued to a torn one', () => {
    let failNext = false;
    const journal = new Journal(file(), (fd, data, offset) => {
      if (!failNext) return writeSync(fd, data, offset);
      failNext = false;
      // Half the line reaches the disk, then it is full.
      writeSync(fd, data, offset, Math.floor((data.length - offset) / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    journal.append(journal.line('group:a:room', 2, delta('ana')), ['group:a:room']);
    failNext = true;
    expect(() => journal.append(journal.line('group:a:room', 3, delta('ben')), ['group:a:room'])).toThrow(
      /ENOSPC/,
    );
    // The failed write was never acknowledged; the next one is, and must come back on replay.
    journal.append(journal.line('group:a:room', 3, delta('cleo')), ['group:a:room']);
    expect(journal.read().map((l) => [l.seq, l.delta])).toEqual([
      [2, delta('ana')],
      [3, delta('cleo')],
    ]);
    expect(readFileSync(journal.file, 'utf8')).not.toContain('ben');
    expect(journal.bytes).toBe(readFileSync(journal.file).length);
  });
});
