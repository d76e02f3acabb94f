import type { E2eeState } from '@circle/shared';
import { groupE2ee } from '@circle/shared';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { CircleServer } from '../socket/context.js';

/**
 * One meeting's end-to-end encryption as the server sees it: public keys, who holds the media key and which
 * epoch it asked for. Only in this node's memory (the node that owns the room): public keys are worth
 * nothing to keep, and a node that takes the room over asks every browser to publish again.
 *
 * Who may receive a key follows the room record: whoever stops being an admitted participant (removed,
 * sent to the lobby, left, erased their identity) loses their public key here at once, in the same turn as
 * the committed change, and the key holder is asked for a new epoch without them.
 */
export class MeetingKeys {
  private readonly peers = new Map<string, string>();
  private holder: string | null = null;
  private epoch: number;
  private enabled: boolean;

  constructor(
    private readonly room: Room,
    private readonly io: CircleServer,
    now: number,
  ) {
    // Epochs only grow, also when another node loads the room (it cannot know the last one): milliseconds
    // since the meeting started are always ahead of one epoch per rekey.
    this.epoch = Math.max(1, now - room.record.startedAt);
    this.enabled = this.settings() !== null;
  }

  state(): E2eeState {
    return {
      enabled: this.enabled,
      fallback: this.settings()?.fallback ?? 'no-media',
      holder: this.holder,
      epoch: this.epoch,
      peers: Object.fromEntries(this.peers),
    };
  }

  keyOf(pid: string): string | undefined {
    return this.peers.get(pid);
  }

  isHolder(pid: string): boolean {
    return this.enabled && this.holder === pid;
  }

  get currentEpoch(): number {
    return this.epoch;
  }

  /** Everyone admitted hears the whole picture (a reload on this node, a setting or holder change). */
  announce() {
    this.io.to(this.room.ch.room).emit('e2ee:state', this.state());
  }

  /**
   * A browser's public key for this meeting. A new or changed key is a new arrival: a new epoch. The same
   * key again comes after a reconnect, with the epoch that browser holds (`have`): if a newer one was
   * made meanwhile (its key lost on the way to a dropped connection), a new epoch is made for everyone.
   */
  publish(pid: string, key: string, have?: number) {
    if (this.peers.get(pid) === key) {
      if (have !== undefined && have < this.epoch && pid !== this.holder) this.rekey();
      return;
    }
    this.peers.set(pid, key);
    this.io.to(this.room.ch.room).emit('e2ee:peer', { pid, key });
    if (!this.chooseHolder()) this.rekey();
  }

  /** After every committed change of the room: drop whoever is no longer admitted, and rekey without them. */
  follow(next: RoomRecord) {
    let cutOff = false;
    for (const pid of [...this.peers.keys()]) {
      if (next.participants[pid]?.admitted) continue;
      this.peers.delete(pid);
      this.io.to(this.room.ch.room).emit('e2ee:peer', { pid, key: null });
      cutOff = true;
    }
    const enabled = this.settings() !== null;
    const switched = enabled !== this.enabled;
    this.enabled = enabled;
    if (switched) this.announce();
    if (this.chooseHolder()) return;
    if (cutOff || (switched && enabled)) this.rekey();
  }

  /**
   * Keeps the holder while they can hold (admitted, connected, with a public key): a facilitator if any can,
   * the facilitator who came first taking over; while none can, the member present longest, so that a
   * meeting without a facilitator still gets its key. Members hold the meeting's key anyway, so holding it
   * gives them nothing more, and the server still decides who receives wraps. A facilitator who arrives
   * takes the key over from a member (one rekey, as any change of holder). True when the holder changed (and
   * a rekey was asked for).
   */
  private chooseHolder(): boolean {
    const rec = this.room.record;
    const can = (pid: string, role: 'facilitator' | 'member') => {
      const p = rec.participants[pid];
      return !!p && p.admitted && p.role === role && p.offlineSince === null && this.peers.has(pid);
    };
    const first = (role: 'facilitator' | 'member') =>
      Object.values(rec.participants)
        .filter((p) => can(p.pid, role))
        .sort((a, b) => a.joinedAt - b.joinedAt)[0]?.pid ?? null;
    const facilitator = this.holder && can(this.holder, 'facilitator') ? this.holder : first('facilitator');
    const member = this.holder && can(this.holder, 'member') ? this.holder : first('member');
    const next = facilitator ?? member;
    if (next === this.holder) return false;
    this.holder = next;
    this.announce();
    this.rekey();
    return true;
  }

  /** Asks the holder for a new epoch, wrapped for every admitted person with a key but themselves. */
  private rekey() {
    if (!this.enabled || !this.holder) return;
    this.epoch += 1;
    const peers = Object.fromEntries([...this.peers].filter(([pid]) => pid !== this.holder));
    this.io.to(this.room.ch.person(this.holder)).emit('e2ee:rekey', { epoch: this.epoch, peers });
  }

  private settings() {
    return groupE2ee(this.room.group.settings);
  }
}
