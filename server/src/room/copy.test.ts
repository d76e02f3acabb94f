import { describe, expect, it } from 'vitest';
import { plainCopy, shareUnchanged } from './copy.js';
import type { RoomRecord } from './records.js';

const record = (): RoomRecord =>
  ({
    meetingId: 'm',
    startedAt: 1,
    seq: 3,
    participants: { a: { pid: 'a', name: 'Ana', admitted: true } },
    meeting: { phase: 'open', support: [] },
    floor: { holder: null },
  }) as unknown as RoomRecord;

describe('a change made on a deep copy of the room record', () => {
  it('gets the old objects back for every part that came out equal, and keeps the ones that changed', () => {
    const prev = record();
    const next = { ...plainCopy(prev), seq: 4 };
    (next.meeting as unknown as { support: string[] }).support.push('a');
    shareUnchanged(prev, next);
    expect(next.participants).toBe(prev.participants);
    expect(next.meeting).not.toBe(prev.meeting);
    expect(next.meeting).toEqual({ phase: 'open', support: ['a'] });
    expect(next.seq).toBe(4);
  });

  it('a part that is new, or a participant changed deep inside, is never swapped for the old one', () => {
    const prev = record();
    const next = plainCopy(prev);
    (next.participants.a as { admitted: boolean }).admitted = false;
    (next as unknown as { format: unknown }).format = { part: 0 };
    shareUnchanged(prev, next);
    expect(next.participants).not.toBe(prev.participants);
    expect(next.participants.a!.admitted).toBe(false);
    expect(prev.participants.a!.admitted).toBe(true);
    expect((next as unknown as { format: unknown }).format).toEqual({ part: 0 });
  });

  it('a copy holds no reference into the original (a change to it never reaches the committed record)', () => {
    const prev = record();
    const next = plainCopy(prev);
    expect(next).toEqual(prev);
    expect(next.participants).not.toBe(prev.participants);
    expect(next.participants.a).not.toBe(prev.participants.a);
  });
});
