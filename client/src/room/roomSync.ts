import type { FloorNotice, RoomPatch, RoomView } from '@circle/shared';
import { RoomReplica } from '@circle/shared';

export interface Shown {
  view: RoomView;
  clockOffset: number;
}

/**
 * Which room to show, and the server clock's offset: the part of `useRoom` that decides, kept apart from
 * React and the socket so that it can be tested. Snapshots and patches go through the shared replica
 * (an older one is dropped, a missing one is a gap to fill with a fresh snapshot); right after a
 * (re)join or an admission the next snapshot is taken whatever its seq: the server may have restarted.
 */
export class RoomSnapshots {
  private readonly replica = new RoomReplica();
  private offset: number | null = null;

  /** The snapshot to show and the clock offset to use, or null when `v` is stale. */
  accept(v: RoomView, now: number): Shown | null {
    if (!this.replica.snapshot(v)) return null;
    return this.shown(v, now);
  }

  /**
   * A change on top of the shown room: the room to show, null when nothing changes, `gap` to ask anew.
   * `heard` gets what the change announced (who has the word now, time nearly up), when it is news.
   */
  patch(p: RoomPatch, now: number, heard: (notices: FloorNotice[]) => void): Shown | null | 'gap' {
    const outcome = this.replica.patch(p, heard);
    // Missed changes before this one: what it says is still news, as far as it tells it itself.
    if (outcome === 'gap') {
      heard(p.notices ?? []);
      return 'gap';
    }
    if (outcome !== 'applied' || !this.replica.view) return null;
    return this.shown(this.replica.view, now);
  }

  private shown(view: RoomView, now: number): Shown {
    // Every sample underestimates the true offset (latency, snapshot age), so keep the largest.
    const sample = view.at - now;
    this.offset = this.offset === null ? sample : Math.max(this.offset, sample);
    return { view, clockOffset: this.offset };
  }

  /** The connection dropped: the next snapshot is taken whatever its seq, and the offset measured anew. */
  disconnected(): void {
    this.replica.awaitSnapshot();
    this.offset = null;
  }

  /** Let in (from the lobby, or on a join): the next snapshot is taken whatever its seq. */
  admitted(): void {
    this.replica.awaitSnapshot();
  }

  /** Sent back to the lobby: nothing of the room is shown until the next admission. */
  leftRoom(): void {
    this.replica.clear();
    this.replica.awaitSnapshot();
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
