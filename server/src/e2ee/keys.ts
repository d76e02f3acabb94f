import { randomBytes } from 'node:crypto';
import type { E2eeState } from '@circle/shared';
import { E2EE_DEVICES_MAX, groupE2ee } from '@circle/shared';
import { AppError } from '../errors.js';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { CircleServer } from '../socket/context.js';

/**
 * One meeting's end-to-end encryption as the server sees it: public keys, one per connection (a person may
 * be here on a few devices, all with one pid), which connection holds the media key and which epoch it asked
 * for. Only in this node's memory (the node that owns the room): public keys are worth
 * nothing to keep, and a node that takes the room over asks every browser to publish again.
 *
 * Who may receive a key follows the room record: whoever stops being an admitted participant (removed,
 * sent to the lobby, left, erased their identity) loses every connection's public key here at once, in the
 * same turn as the committed change, and the key holder is asked for a new epoch without them. A connection
 * that closes loses its own key (its person stays).
 */
/** One connection's public key: the key holder wraps each epoch for each of these. */
export interface Device {
  pid: string;
  socket: string;
  key: string;
}

export class MeetingKeys {
  /** By an opaque id of our own (the key holder sees it, never the socket's id), oldest first. */
  private readonly devices = new Map<string, Device>();
  private readonly bySocket = new Map<string, string>();
  /** The device holding the media key. */
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
    const devices: Record<string, string[]> = {};
    for (const d of this.devices.values()) (devices[d.pid] ??= []).push(d.key);
    return {
      enabled: this.enabled,
      fallback: this.settings()?.fallback ?? 'no-media',
      holder: this.holderDevice()?.pid ?? null,
      epoch: this.epoch,
      peers: Object.fromEntries(Object.entries(devices).map(([pid, keys]) => [pid, keys.at(-1)!])),
      devices,
    };
  }

  /** The connection a wrap goes to: the one named, or the person's newest; undefined when not theirs. */
  deviceOf(pid: string, device?: string): (Device & { id: string }) | undefined {
    if (device === undefined) return this.newest(pid);
    const d = this.devices.get(device);
    return d?.pid === pid ? { ...d, id: device } : undefined;
  }

  /** The key holder's connection, when this socket is it. */
  holding(socket: string): Device | undefined {
    const id = this.bySocket.get(socket);
    return this.enabled && id !== undefined && id === this.holder ? this.devices.get(id) : undefined;
  }

  isHolderDevice(id: string): boolean {
    return id === this.holder;
  }

  get currentEpoch(): number {
    return this.epoch;
  }

  /** Everyone admitted hears the whole picture (a reload on this node, a setting or holder change). */
  announce() {
    this.io.to(this.room.ch.room).emit('e2ee:state', this.state());
  }

  /**
   * A connection's public key for this meeting. A new or changed key is a new arrival: a new epoch. The
   * same key again on the same connection comes with the epoch that browser holds (`have`): if a newer one
   * was made meanwhile (its key lost on the way), a new epoch is made for everyone.
   */
  publish(pid: string, socket: string, key: string, have?: number) {
    const known = this.bySocket.get(socket);
    const mine = known === undefined ? undefined : this.devices.get(known);
    if (mine && mine.key === key) {
      if (have !== undefined && have < this.epoch && known !== this.holder) this.rekey();
      return;
    }
    if (known !== undefined) this.devices.delete(known);
    else if ([...this.devices.values()].filter((d) => d.pid === pid).length >= E2EE_DEVICES_MAX)
      throw new AppError('LIMIT');
    const id = randomBytes(12).toString('base64url');
    this.devices.set(id, { pid, socket, key });
    this.bySocket.set(socket, id);
    this.io.to(this.room.ch.room).emit('e2ee:peer', { pid, key });
    if (!this.chooseHolder()) this.rekey();
  }

  /** A connection went: its key goes, its person stays (with their other connections' keys). */
  socketGone(socket: string) {
    const id = this.bySocket.get(socket);
    if (id === undefined) return;
    this.bySocket.delete(socket);
    const gone = this.devices.get(id)!;
    this.devices.delete(id);
    this.io
      .to(this.room.ch.room)
      .emit('e2ee:peer', { pid: gone.pid, key: this.newest(gone.pid)?.key ?? null });
    this.chooseHolder();
  }

  /** After every committed change of the room: drop whoever is no longer admitted, and rekey without them. */
  follow(next: RoomRecord, prev: RoomRecord) {
    const cutOff = new Set<string>();
    const enabled = this.settings() !== null;
    // Hands and the word move on every few seconds; who may hold or receive a key only with the people
    // (equal participants are the same object: Room shares them) or the group's setting.
    if (next.participants === prev.participants && enabled === this.enabled) return;
    for (const [id, d] of [...this.devices]) {
      if (next.participants[d.pid]?.admitted) continue;
      this.devices.delete(id);
      this.bySocket.delete(d.socket);
      cutOff.add(d.pid);
    }
    for (const pid of cutOff) this.io.to(this.room.ch.room).emit('e2ee:peer', { pid, key: null });
    const switched = enabled !== this.enabled;
    this.enabled = enabled;
    if (switched) this.announce();
    if (this.chooseHolder()) return;
    if (cutOff.size > 0 || (switched && enabled)) this.rekey();
  }

  /**
   * Keeps the holder while they can hold (admitted, connected, with a public key): a facilitator if any can,
   * the facilitator who came first taking over; while none can, the member present longest, so that a
   * meeting without a facilitator still gets its key. Members hold the meeting's key anyway, so holding it
   * gives them nothing more, and the server still decides who receives wraps. A facilitator who arrives
   * takes the key over from a member (one rekey, as any change of holder). The holding person's connection
   * stays the holder while it lasts, else their newest. True when the holder changed (and a rekey was asked
   * for).
   */
  private chooseHolder(): boolean {
    const rec = this.room.record;
    const current = this.holderDevice()?.pid ?? null;
    const can = (pid: string, role: 'facilitator' | 'member') => {
      const p = rec.participants[pid];
      return !!p && p.admitted && p.role === role && p.offlineSince === null && !!this.newest(pid);
    };
    const first = (role: 'facilitator' | 'member') =>
      Object.values(rec.participants)
        .filter((p) => can(p.pid, role))
        .sort((a, b) => a.joinedAt - b.joinedAt)[0]?.pid ?? null;
    const facilitator = current && can(current, 'facilitator') ? current : first('facilitator');
    const member = current && can(current, 'member') ? current : first('member');
    const pid = facilitator ?? member;
    const next = pid === current && this.holderDevice() ? this.holder : pid ? this.newest(pid)!.id : null;
    if (next === this.holder) return false;
    this.holder = next;
    if (pid !== current) this.announce();
    this.rekey();
    return true;
  }

  /** Asks the holder for a new epoch, wrapped for every connection of every admitted person but its own. */
  private rekey() {
    const holder = this.holderDevice();
    if (!this.enabled || !holder) return;
    this.epoch += 1;
    const devices = [...this.devices]
      .filter(([id]) => id !== this.holder)
      .map(([device, d]) => ({ pid: d.pid, device, key: d.key }));
    this.io.to(holder.socket).emit('e2ee:rekey', { epoch: this.epoch, devices });
  }

  private holderDevice(): Device | undefined {
    return this.holder === null ? undefined : this.devices.get(this.holder);
  }

  private newest(pid: string): (Device & { id: string }) | undefined {
    let found: (Device & { id: string }) | undefined;
    for (const [id, d] of this.devices) if (d.pid === pid) found = { ...d, id };
    return found;
  }

  private settings() {
    return groupE2ee(this.room.group.settings);
  }
}
