import type { RoomView } from '@circle/shared';

/**
 * Which room snapshots to show, and the server clock's offset: the part of `useRoom` that decides, kept
 * apart from React and the socket so that it can be tested. Snapshots may arrive out of order (a
 * broadcast overtaking an answer), so one older than the shown one is dropped, except right after a
 * (re)join or an admission: the server may have restarted, and its count with it.
 */
export class RoomSnapshots {
  private current: RoomView | null = null;
  private fresh = true;
  private offset: number | null = null;

  /** The snapshot to show and the clock offset to use, or null when `v` is stale. */
  accept(v: RoomView, now: number): { view: RoomView; clockOffset: number } | null {
    const c = this.current;
    const stale = c !== null && c.meetingId === v.meetingId && v.seq < c.seq;
    if (stale && !this.fresh) return null;
    this.fresh = false;
    this.current = v;
    // Every sample underestimates the true offset (latency, snapshot age), so keep the largest.
    const sample = v.at - now;
    this.offset = this.offset === null ? sample : Math.max(this.offset, sample);
    return { view: v, clockOffset: this.offset };
  }

  /** The connection dropped: the next snapshot is taken whatever its seq, and the offset measured anew. */
  disconnected(): void {
    this.fresh = true;
    this.offset = null;
  }

  /** Let in (from the lobby, or on a join): the next snapshot is taken whatever its seq. */
  admitted(): void {
    this.fresh = true;
  }

  /** Sent back to the lobby: nothing of the room is shown until the next admission. */
  leftRoom(): void {
    this.current = null;
  }
}

/** Codes after which joining again cannot help; anything else is retried on the next connect. */
const FATAL_JOIN_ERRORS = new Set([
  'INVALID_TOKEN',
  'PROTOCOL_MISMATCH',
  'ROOM_FULL',
  'BAD_REQUEST',
  'FORBIDDEN',
  'EXCLUDED',
]);

/**
 * What to do when a join is refused: `again-fresh` joins at once without the remembered identity (it is
 * unknown: erased elsewhere), `fatal` stops for good, `later` tries again shortly on the same connection,
 * `wait` does nothing (the connection dropped; the next connect joins again).
 */
export function afterJoinRefused(
  code: string,
  withIdentity: boolean,
): 'again-fresh' | 'fatal' | 'later' | 'wait' {
  if (code === 'INVALID_TOKEN' && withIdentity) return 'again-fresh';
  if (FATAL_JOIN_ERRORS.has(code)) return 'fatal';
  return code === 'DISCONNECTED' ? 'wait' : 'later';
}

/** Socket.IO does not reconnect by itself after the server disconnected it; the page then connects again. */
export const reconnectsByItself = (reason: string) => reason !== 'io server disconnect'; // i18n-exempt: Socket.IO's reason code
