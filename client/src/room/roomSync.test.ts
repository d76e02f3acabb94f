import { describe, expect, it } from 'vitest';
import type { RoomView } from '@circle/shared';
import { afterJoinRefused, reconnectsByItself, RoomSnapshots } from './roomSync';

/** Only the fields the ordering and the clock read; the rest of a snapshot does not matter here. */
const snap = (seq: number, at = 1_000_000, meetingId = 'm1') => ({ seq, at, meetingId }) as RoomView;

describe('room snapshots', () => {
  it('drops a snapshot older than the one shown, or the same one again (asked for a gap, and the join’s)', () => {
    const s = new RoomSnapshots();
    expect(s.accept(snap(5), 0)?.view.seq).toBe(5);
    expect(s.accept(snap(4), 0)).toBeNull();
    expect(s.accept(snap(5), 0)).toBeNull();
    expect(s.accept(snap(6), 0)?.view.seq).toBe(6);
  });

  it('after a reconnect takes the next snapshot whatever its seq: the server may have restarted', () => {
    const s = new RoomSnapshots();
    s.accept(snap(40), 0);
    s.disconnected();
    expect(s.accept(snap(2), 0)?.view.seq).toBe(2);
    // Only the first one: from then on the order holds again.
    expect(s.accept(snap(1), 0)).toBeNull();
  });

  it('on an admission takes the admitted snapshot whatever its seq', () => {
    const s = new RoomSnapshots();
    s.accept(snap(9), 0);
    s.admitted();
    expect(s.accept(snap(3), 0)?.view.seq).toBe(3);
  });

  it('a new meeting starts its own count', () => {
    const s = new RoomSnapshots();
    s.accept(snap(30, 0, 'm1'), 0);
    expect(s.accept(snap(1, 0, 'm2'), 0)?.view.meetingId).toBe('m2');
  });

  it('after being sent to the lobby shows the next room snapshot whatever its seq', () => {
    const s = new RoomSnapshots();
    s.accept(snap(12), 0);
    s.leftRoom();
    expect(s.accept(snap(11), 0)?.view.seq).toBe(11);
  });

  it('keeps the largest clock offset sample, and measures afresh after a reconnect', () => {
    const s = new RoomSnapshots();
    // Server time minus local time; a late-delivered snapshot underestimates it.
    expect(s.accept(snap(1, 5_000), 1_000)?.clockOffset).toBe(4_000);
    expect(s.accept(snap(2, 5_500), 3_000)?.clockOffset).toBe(4_000);
    expect(s.accept(snap(3, 9_000), 4_000)?.clockOffset).toBe(5_000);
    s.disconnected();
    expect(s.accept(snap(1, 9_000), 7_000)?.clockOffset).toBe(2_000);
  });
});

describe('joining again after a refusal', () => {
  it('an unknown remembered identity joins again at once without it; without one it is fatal', () => {
    expect(afterJoinRefused('INVALID_TOKEN', true)).toBe('again-fresh');
    expect(afterJoinRefused('INVALID_TOKEN', false)).toBe('fatal');
  });

  it('stops for good on refusals that another try cannot change', () => {
    for (const code of ['PROTOCOL_MISMATCH', 'ROOM_FULL', 'BAD_REQUEST', 'FORBIDDEN', 'EXCLUDED'])
      expect(afterJoinRefused(code, true), code).toBe('fatal');
  });

  it('tries again shortly on passing trouble, and waits for the next connect when offline', () => {
    for (const code of ['TIMEOUT', 'INTERNAL', 'RATE_LIMITED', 'CONFLICT'])
      expect(afterJoinRefused(code, true), code).toBe('later');
    expect(afterJoinRefused('DISCONNECTED', true)).toBe('wait');
  });

  it('connects again by itself only when the server did not close the connection', () => {
    expect(reconnectsByItself('transport close')).toBe(true);
    expect(reconnectsByItself('ping timeout')).toBe(true);
    expect(reconnectsByItself('io server disconnect')).toBe(false);
  });
});
