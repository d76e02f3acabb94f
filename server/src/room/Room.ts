import type { FloorCommand, FloorEffect, FloorRejection, LobbyEntry, RoomView } from '@circle/shared';
import { diffView, floorReducer, initialFloor, nextWake } from '@circle/shared';
import type { Server } from 'socket.io';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import type { GroupRecord } from '../groups/service.js';
import { groupKey } from '../groups/service.js';
import { meetingChannels, type MeetingChannels } from '../socket/channels.js';
import type { Store } from '../store/index.js';
import type { FloorDelta } from '../store/journal.js';
import { newId } from '../tokens.js';
import { plainCopy, shareUnchanged } from './copy.js';
import { fillFreedSeats, seatsToFill } from './places.js';
import type { ParticipantRecord, RoomRecord } from './records.js';
import { Connections, RoomTimers } from './timers.js';
import { RoomViews } from './view.js';

export { meetingChannels, type MeetingChannels } from '../socket/channels.js';

export interface RoomDeps {
  store: Store;
  io: Server;
  reconnectWindowMs: number;
  clock: Clock;
  /** Called when the meeting has emptied and the room can be dropped from memory. */
  onEmpty: (groupId: string) => void;
  /** A person's reconnect window ran out (membership decides what that means). */
  onExpire: (room: Room, pid: string) => void;
}

const roomKey = (g: string) => `${groupKey(g)}room`;

/** A copy of the record `fn` may change anywhere, but the floor, never changed in place, is kept. */
function deepCopy(rec: RoomRecord): RoomRecord {
  const { floor, ...rest } = rec;
  return { ...plainCopy(rest), floor };
}

/** What a change works on: a copy of the record, the time, the floor, and what to do once committed. */
export interface RoomChange {
  rec: RoomRecord;
  now: number;
  /** Applies a floor command to `rec`; a refusal by the floor rules throws its error code. */
  floor(cmd: FloorCommand): void;
  /** Applies a floor command if the floor rules allow it (a consequence that may already hold). */
  tryFloor(cmd: FloorCommand): boolean;
  /** Runs once the change is committed: writes that must not exist for a change that lost the fence. */
  after(fn: () => void | Promise<void>): void;
  /** Nothing changed after all: no commit, no broadcast. */
  unchanged(): void;
  /** The meeting ends with this change: its record is deleted instead of written. */
  end(): void;
}

/**
 * One change in the making: what `fn` is given. A class, not an object of closures: every command of every
 * room makes one (and the server's TypeScript loader names each closure it makes, at a cost).
 */
class Change implements RoomChange {
  readonly effects: FloorEffect[] = [];
  readonly commands: FloorCommand[] = [];
  readonly afterCommit: (() => void | Promise<void>)[] = [];
  outcome: 'commit' | 'unchanged' | 'end' = 'commit';

  constructor(
    readonly rec: RoomRecord,
    readonly now: number,
  ) {
    // Handed on as plain functions (`backToCircle(c.rec, pid, c.floor)`).
    this.floor = this.floor.bind(this);
    this.tryFloor = this.tryFloor.bind(this);
  }

  floor(cmd: FloorCommand): void {
    const refused = this.apply(cmd);
    if (refused) throw new AppError(refused);
  }

  tryFloor(cmd: FloorCommand): boolean {
    return this.apply(cmd) === null;
  }

  after(fn: () => void | Promise<void>): void {
    this.afterCommit.push(fn);
  }

  unchanged(): void {
    this.outcome = 'unchanged';
  }

  end(): void {
    this.outcome = 'end';
  }

  private apply(cmd: FloorCommand): FloorRejection | null {
    const r = floorReducer(this.rec.floor, cmd, this.now);
    const rejected = r.effects.find((e) => e.type === 'rejected');
    if (rejected) return rejected.reason;
    this.rec.floor = r.state;
    this.effects.push(...r.effects);
    this.commands.push(cmd);
    return null;
  }
}

/**
 * The authority for one meeting: its kernel. The only way to change the meeting is `change` — one at a
 * time, on a copy of the record, committed with the store's compare-and-set fence, then the channels
 * follow the record, listeners hear of it, and everyone gets the snapshot with the next sequence number.
 * Membership (room/membership.ts) and every domain build on it.
 */
export class Room {
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** This meeting's channels; a new meeting is a new Room with a new meeting id. */
  readonly ch: MeetingChannels;
  readonly connections = new Connections();
  readonly timers: RoomTimers;
  private readonly changeListeners: ((next: RoomRecord, prev: RoomRecord) => void)[] = [];
  private readonly endListeners: ((ended: RoomRecord) => void | Promise<void>)[] = [];
  /** What the room's channel last heard, so the next change goes out as a patch on top of it. */
  private lastView: RoomView | null = null;
  private lastLobby = '';
  /** The participants and group of the last commit, which left no seat free for a listener online. */
  private seatsChecked: { of: RoomRecord['participants']; group: GroupRecord } | null = null;
  private readonly views = new RoomViews();

  private constructor(
    public group: GroupRecord,
    private rec: RoomRecord,
    readonly deps: RoomDeps,
  ) {
    this.ch = meetingChannels(group.id, rec.meetingId);
    this.timers = new RoomTimers(deps.clock, {
      wake: () => void this.floor({ type: 'tick' }).catch(() => undefined),
      expire: (pid) => deps.onExpire(this, pid),
    });
  }

  static async load(group: GroupRecord, deps: RoomDeps): Promise<Room> {
    const stored = await deps.store.get<RoomRecord>(roomKey(group.id));
    const now = deps.clock.now();
    const rec: RoomRecord = stored ?? {
      meetingId: newId(),
      startedAt: now,
      seq: 0,
      participants: {},
      floor: initialFloor({
        turnLimitMs: group.settings.turnLimitSec === null ? null : group.settings.turnLimitSec * 1000,
        autoHandover: group.settings.autoHandover,
      }),
    };
    const room = new Room(group, rec, deps);
    // After a restart nobody is connected; after a takeover from a dead node, people connected to other
    // nodes still are. Everyone else gets a reconnect window from now.
    for (const p of Object.values(rec.participants)) {
      if (p.offlineSince === null) {
        const live = await deps.io
          .in(room.ch.person(p.pid))
          .fetchSockets()
          .catch(() => []);
        if (live.length) {
          room.connections.set(
            p.pid,
            live.map((s) => s.id),
          );
          continue;
        }
        p.offlineSince = now;
        if (rec.floor.seats.includes(p.pid) || rec.floor.guests?.includes(p.pid))
          rec.floor = floorReducer(
            rec.floor,
            { type: 'presence', pid: p.pid, presence: 'offline' },
            now,
          ).state;
      }
      room.timers.expireAt(p.pid, p.offlineSince + deps.reconnectWindowMs);
    }
    room.timers.wakeAt(nextWake(rec.floor));
    return room;
  }

  get id() {
    return this.group.id;
  }

  get record(): Readonly<RoomRecord> {
    return this.rec;
  }

  participant(pid: string): ParticipantRecord | undefined {
    return this.rec.participants[pid];
  }

  /**
   * The one way to change the meeting. `fn` works on a copy; a throw leaves the room untouched. Then the
   * copy is committed behind the fence, `after` work runs, and the result is returned.
   */
  change<T>(fn: (c: RoomChange) => T | Promise<T>): Promise<T> {
    return this.run(() => this.apply(fn, true));
  }

  /**
   * Applies a floor command (or the one `cmd` makes from the record as it is then); a rejection by the
   * floor rules becomes the matching error code. The hot path of every meeting (hands, the word, timer
   * ticks): the floor rules return a new floor and touch nothing else, so the rest of the record is not
   * copied but shared with the one before.
   */
  floor(cmd: FloorCommand | ((rec: Readonly<RoomRecord>) => FloorCommand)): Promise<void> {
    return this.run(() => this.apply((c) => c.floor(typeof cmd === 'function' ? cmd(c.rec) : cmd), false));
  }

  /** `deep`: `fn` may change any part of the record, so it works on a deep copy; else only the floor moves. */
  private async apply<T>(fn: (c: RoomChange) => T | Promise<T>, deep: boolean): Promise<T> {
    const now = this.deps.clock.now();
    // The floor is never changed in place (the floor rules return a new one, sharing what did not
    // change), so the copy keeps it: unchanged parts then compare by reference in the next patch.
    const rec: RoomRecord = deep ? deepCopy(this.rec) : { ...this.rec };
    const c = new Change(rec, now);
    // Floor commands return at once: no wait for them (a turn of the microtask queue per command).
    const made = fn(c);
    const result = made instanceof Promise ? ((await made) as T) : (made as T);
    if (c.outcome === 'unchanged') return result;
    if (deep) shareUnchanged(this.rec, rec);
    // Whatever freed a seat (leaving, removal, the lobby, a listener back online), listeners take it. The
    // same people in the same group as at the last commit left none free (a floor command moves nobody).
    const checked = this.seatsChecked;
    const sameSeats = checked?.of === rec.participants && checked.group === this.group;
    if (c.outcome === 'commit' && !sameSeats && seatsToFill(this.group.settings, rec)) {
      if (rec.participants === this.rec.participants) rec.participants = plainCopy(rec.participants);
      for (const p of fillFreedSeats(this.group.settings, rec)) c.tryFloor({ type: 'join', pid: p.pid });
    }
    // One floor command and nothing else changed: the store may keep the command instead of the record.
    const delta =
      !deep && c.commands.length === 1 && rec.participants === this.rec.participants
        ? { now, cmd: c.commands[0]! }
        : undefined;
    if (c.outcome === 'commit') {
      await this.commit(rec, c.commands.length ? c.effects : null, delta);
      // Filled above, so no seat waits for a listener who could take it: until the people or the group change.
      if (!sameSeats) this.seatsChecked = { of: rec.participants, group: this.group };
    }
    for (const f of c.afterCommit) await f();
    if (c.outcome === 'end') await this.end();
    return result;
  }

  reorderSeats(order: string[]): Promise<void> {
    return this.floor({ type: 'reorderSeats', order });
  }

  view(): RoomView {
    return this.views.view(this.rec, this.group, this.deps.clock.now());
  }

  lobby(): LobbyEntry[] {
    return Object.values(this.rec.participants)
      .filter((p) => !p.admitted)
      .map((p) => ({ pid: p.pid, name: p.name, since: p.waitingSince ?? p.joinedAt }));
  }

  /**
   * Other domains (media, board...) follow the room through these hooks instead of being called from here.
   * Change listeners run synchronously after each committed change; end listeners before the record is deleted.
   */
  onChange(fn: (next: RoomRecord, prev: RoomRecord) => void) {
    this.changeListeners.push(fn);
  }

  onEnd(fn: (ended: RoomRecord) => void | Promise<void>) {
    this.endListeners.push(fn);
  }

  /** Stops timers; the persisted record stays for whoever loads the room next. */
  dispose() {
    this.closed = true;
    this.timers.stop();
  }

  /**
   * A last word to someone who is no longer part of this meeting (left, removed, erased, or the meeting
   * ended), after which every connection of theirs, on every node, leaves their own channel too.
   */
  farewell(pid: string, say: (to: ReturnType<Server['to']>) => void) {
    say(this.deps.io.to(this.ch.person(pid)));
    if (this.closed || !this.rec.participants[pid]) this.detach(pid, [this.ch.person(pid)]);
  }

  /** The channels a connection of this person belongs to, by what the record says of them. */
  channelsFor(p: ParticipantRecord): string[] {
    const list = [this.ch.person(p.pid)];
    if (p.admitted) list.push(this.ch.room);
    if (p.admitted && p.role === 'facilitator') list.push(this.ch.facilitators);
    return list;
  }

  // The Redis adapter applies a cluster-wide leave or join on this node only when its own request comes
  // back through Redis, while a broadcast reaches local sockets at once: so this node applies it now
  // itself. Other nodes receive the request ahead of any later broadcast (one connection, in order).
  detach(pid: string, from: string[]) {
    this.deps.io.local.in(this.ch.person(pid)).socketsLeave(from);
    this.deps.io.in(this.ch.person(pid)).socketsLeave(from);
  }

  private attach(pid: string, to: string[]) {
    this.deps.io.local.in(this.ch.person(pid)).socketsJoin(to);
    this.deps.io.in(this.ch.person(pid)).socketsJoin(to);
  }

  /** Runs `fn` after every earlier change to this room has finished. */
  private run<T>(fn: () => Promise<T>): Promise<T> {
    // Once the meeting has ended nothing may change it: a late change would write its record back.
    const next = this.chain.then(() => (this.closed ? Promise.reject(new AppError('NOT_FOUND')) : fn()));
    this.chain = next.catch(() => undefined);
    return next;
  }

  /**
   * Who hears the room follows the record, in the same step as the change and before its broadcast:
   * whoever is no longer an admitted participant leaves the room's channels on every node (the adapter
   * relays this ahead of any later broadcast from this node), whoever was just admitted joins them.
   */
  private syncChannels(prev: RoomRecord, next: RoomRecord) {
    for (const p of Object.values(prev.participants))
      if (p.admitted && !next.participants[p.pid]?.admitted)
        this.detach(p.pid, [this.ch.room, this.ch.facilitators]);
    for (const p of Object.values(next.participants))
      if (p.admitted && !prev.participants[p.pid]?.admitted) this.attach(p.pid, this.channelsFor(p));
  }

  /** `effects`: what the floor commands of this change said, or null when none ran. */
  private async commit(rec: RoomRecord, effects: FloorEffect[] | null, delta?: FloorDelta) {
    rec.seq = this.rec.seq + 1;
    // A fence, not a lock: if another node changed the room meanwhile (this one stalled past its lease),
    // this write fails and this node lets go of the room instead of overwriting the newer state.
    if (!(await this.deps.store.replaceIfSeq(roomKey(this.id), rec, this.rec.seq, delta))) {
      this.dispose();
      this.deps.onEmpty(this.id);
      throw new AppError('UNAVAILABLE');
    }
    const prev = this.rec;
    this.rec = rec;
    // Most changes move only the floor: the lobby made from the same participants stays (and the roster,
    // see RoomViews). Equal parts of the record are the same objects (see shareUnchanged): one comparison.
    const samePeople = prev.participants === rec.participants;
    // The same participants object is the same people with the same admission: nobody joins or leaves.
    if (!samePeople) this.syncChannels(prev, rec);
    for (const fn of this.changeListeners) fn(rec, prev);
    const io = this.deps.io;
    const view = this.view();
    // One patch for everyone, computed once: its size follows what changed, not how many are present.
    // A room just loaded (a restart, a takeover) has no picture of what clients hold: a snapshot then.
    const last = this.lastView;
    const notices = (effects ?? []).flatMap((e) => (e.type === 'notice' ? [e.notice] : []));
    if (last && last.meetingId === view.meetingId)
      io.to(this.ch.room).emit('room:patch', diffView(last, view, notices));
    else {
      io.to(this.ch.room).emit('room:state', view);
      for (const notice of notices) io.to(this.ch.room).emit('floor:notice', { ...notice, at: view.at });
    }
    this.lastView = view;
    if (!samePeople || this.lastLobby === '') {
      const lobby = this.lobby();
      const lobbyText = JSON.stringify(lobby);
      if (lobbyText !== this.lastLobby) io.to(this.ch.facilitators).emit('room:lobby', lobby);
      this.lastLobby = lobbyText;
    }
    if (!effects) return;
    // The floor says when it next needs waking (a warning, a deadline), or by saying nothing that it does
    // not; a change without a floor command leaves the wake-up it asked for last.
    const wake = effects.findLast((e) => e.type === 'wakeAt');
    this.timers.wakeAt(wake?.type === 'wakeAt' ? wake.at : null);
  }

  /** The meeting is over: nobody hears its channels any more, and its record goes so the next starts fresh. */
  private async end() {
    for (const fn of this.endListeners) await fn(this.rec);
    for (const p of Object.values(this.rec.participants))
      this.detach(p.pid, [this.ch.room, this.ch.facilitators]);
    this.connections.clear();
    await this.deps.store.del(roomKey(this.id));
    this.dispose();
    this.deps.onEmpty(this.id);
  }
}
