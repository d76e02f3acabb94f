import type { FloorCommand, FloorEffect, JoinResult, LobbyEntry, Role, RoomView } from '@circle/shared';
import { floorReducer, initialFloor, LIMITS, nextWake } from '@circle/shared';
import type { Server, Socket } from 'socket.io';
import { AppError } from '../errors.js';
import type { GroupRecord } from '../groups/service.js';
import { groupKey } from '../groups/service.js';
import { participation } from '../meeting/attendance.js';
import { forgetPerson } from '../meeting/people.js';
import { isAway, meetingView } from '../meeting/record.js';
import { admissionFor } from '../moderation/admission.js';
import type { Store } from '../store/index.js';
import { newId } from '../tokens.js';
import type { AttendanceEvent, DeclarationAcceptance, ParticipantRecord, RoomRecord } from './records.js';

export interface RoomDeps {
  store: Store;
  io: Server;
  reconnectWindowMs: number;
  now: () => number;
  /** Called when the meeting has emptied and the room can be dropped from memory. */
  onEmpty: (groupId: string) => void;
}

/**
 * Socket.IO channels belong to one meeting, not to the group: a connection left in a channel of an
 * earlier meeting (or restored by a client that kept an old id) hears nothing of the next one.
 */
export function meetingChannels(groupId: string, meetingId: string) {
  const scope = `${groupId}:${meetingId}`;
  return {
    room: `r:${scope}`,
    facilitators: `f:${scope}`,
    person: (pid: string) => `p:${scope}:${pid}`,
  };
}
export type MeetingChannels = ReturnType<typeof meetingChannels>;

const roomKey = (g: string) => `${groupKey(g)}room`;

/** What a change from another domain works on: a copy of the record, the time, and the floor. */
export interface RoomChange {
  rec: RoomRecord;
  now: number;
  /** Applies a floor command to `rec`; a refusal by the floor rules throws its error code. */
  floor(cmd: FloorCommand): void;
}
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * The authority for one meeting. Every change runs through `run` (one at a time), is persisted before it
 * is acknowledged or broadcast, and goes out to everyone as a fresh snapshot with the next sequence number.
 */
export class Room {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly connections = new Map<string, Set<string>>();
  private wakeTimer: NodeJS.Timeout | undefined;
  private readonly expiryTimers = new Map<string, NodeJS.Timeout>();
  private closed = false;
  /** This meeting's channels; a new meeting is a new Room with a new meeting id. */
  readonly ch: MeetingChannels;
  private readonly changeListeners: ((next: RoomRecord, prev: RoomRecord) => void)[] = [];
  private readonly endListeners: ((ended: RoomRecord) => void | Promise<void>)[] = [];

  private constructor(
    public group: GroupRecord,
    private rec: RoomRecord,
    private readonly deps: RoomDeps,
  ) {
    this.ch = meetingChannels(group.id, rec.meetingId);
  }

  static async load(group: GroupRecord, deps: RoomDeps): Promise<Room> {
    const stored = await deps.store.get<RoomRecord>(roomKey(group.id));
    const now = deps.now();
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
          room.connections.set(p.pid, new Set(live.map((s) => s.id)));
          continue;
        }
        p.offlineSince = now;
        if (rec.floor.seats.includes(p.pid))
          rec.floor = floorReducer(
            rec.floor,
            { type: 'presence', pid: p.pid, presence: 'offline' },
            now,
          ).state;
      }
      room.scheduleExpiry(p.pid, p.offlineSince);
    }
    room.scheduleWake();
    return room;
  }

  get id() {
    return this.group.id;
  }

  /** Runs `fn` after every earlier change to this room has finished. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    // Once the meeting has ended nothing may change it: a late change would write its record back.
    const next = this.chain.then(() => (this.closed ? Promise.reject(new AppError('NOT_FOUND')) : fn()));
    this.chain = next.catch(() => undefined);
    return next;
  }

  participant(pid: string): ParticipantRecord | undefined {
    return this.rec.participants[pid];
  }

  join(
    socket: Socket,
    args: {
      pid: string;
      name: string;
      role: Role;
      declarationVersion: number;
      identity: string;
    },
  ): Promise<JoinResult> {
    return this.run(async () => {
      // The connection may have dropped while the join waited its turn; it must not count as present.
      if (socket.disconnected) throw new AppError('NOT_JOINED');
      const now = this.deps.now();
      const rec = clone(this.rec);
      let p = rec.participants[args.pid];
      if (!p) {
        const entry = admissionFor(rec, this.group.settings, args.pid, args.role);
        if (entry === 'refused') throw new AppError('FORBIDDEN');
        const waits = entry === 'lobby';
        // The lobby holds no seat, but it has its own cap; whoever enters directly needs a free place.
        if (waits && this.lobby().length >= LIMITS.lobbyMax) throw new AppError('ROOM_FULL');
        if (!waits && !this.hasPlace(rec, args.role, 1)) throw new AppError('ROOM_FULL');
        p = {
          pid: args.pid,
          name: args.name,
          role: args.role,
          joinedAt: now,
          admitted: !waits,
          waitingSince: waits ? now : null,
          offlineSince: null,
        };
        rec.participants[args.pid] = p;
        await this.deps.store.append(this.attendanceLog(rec), this.attendance(p, 'joined', now));
        await this.deps.store.append(`${groupKey(this.id)}declarations`, {
          meetingId: rec.meetingId,
          pid: p.pid,
          name: args.name,
          version: args.declarationVersion,
          at: now,
        } satisfies DeclarationAcceptance);
        if (p.admitted) this.seat(rec, p, now);
      } else {
        // The same person again (another tab, a reconnect): one participant, their place kept.
        p.offlineSince = null;
        if (p.admitted && rec.floor.seats.includes(p.pid)) {
          // Someone who stepped out (or is in a side room) is still out after a reconnect.
          const presence = isAway(rec, p.pid) ? 'away' : 'here';
          rec.floor = floorReducer(rec.floor, { type: 'presence', pid: p.pid, presence }, now).state;
        }
      }
      this.cancelExpiry(p.pid);
      const set = this.connections.get(p.pid) ?? new Set<string>();
      set.add(socket.id);
      this.connections.set(p.pid, set);
      // Joined to the room's channels before the commit, this socket gets the snapshot (and facilitators
      // the lobby) with everyone else, exactly once, in order.
      await socket.join(this.channelsFor(p));
      await this.commit(rec, []);
      return {
        pid: p.pid,
        role: p.role,
        identity: args.identity,
        status: p.admitted ? 'admitted' : 'waiting',
      };
    });
  }

  /** Applies a floor command; a rejection by the floor rules becomes the matching error code. */
  floor(cmd: FloorCommand): Promise<void> {
    return this.run(async () => {
      const rec = clone(this.rec);
      const { state, effects } = floorReducer(rec.floor, cmd, this.deps.now());
      const rejected = effects.find((e) => e.type === 'rejected');
      if (rejected) throw new AppError(rejected.reason);
      rec.floor = state;
      await this.commit(rec, effects);
    });
  }

  reorderSeats(order: string[]): Promise<void> {
    return this.floor({ type: 'reorderSeats', order });
  }

  admit(pids: string[] | 'all'): Promise<number> {
    return this.run(async () => {
      const now = this.deps.now();
      const rec = clone(this.rec);
      const waiting = Object.values(rec.participants).filter((p) => !p.admitted);
      const asked = pids === 'all' ? waiting : waiting.filter((p) => pids.includes(p.pid));
      if (pids !== 'all' && asked.length === 0) throw new AppError('NOT_FOUND');
      // Waiting holds no seat: admitting needs one. "Admit all" lets in whoever fits, in order of arrival.
      const chosen: ParticipantRecord[] = [];
      for (const p of asked.sort((a, b) => (a.waitingSince ?? 0) - (b.waitingSince ?? 0)))
        if (this.hasPlace(rec, p.role, chosen.filter((c) => c.role === p.role).length + 1)) chosen.push(p);
      if (asked.length && !chosen.length) throw new AppError('ROOM_FULL');
      for (const p of chosen) {
        p.admitted = true;
        p.waitingSince = null;
        this.seat(rec, p, now);
      }
      await this.commit(rec, []);
      for (const p of chosen) this.deps.io.to(this.ch.person(p.pid)).emit('room:admitted', this.view());
      return chosen.length;
    });
  }

  /**
   * The person leaves the meeting for good (Leave button, erased identity, the reconnect window ran out,
   * or a facilitator removed them: `also` then marks the record in the same change).
   */
  leave(pid: string, also?: (rec: RoomRecord) => void): Promise<void> {
    return this.run(async () => {
      const p = this.rec.participants[pid];
      if (!p) return;
      const now = this.deps.now();
      const rec = clone(this.rec);
      delete rec.participants[pid];
      also?.(rec);
      let effects: ReturnType<typeof floorReducer>['effects'] = [];
      if (rec.floor.seats.includes(pid))
        ({ state: rec.floor, effects } = floorReducer(rec.floor, { type: 'leave', pid }, now));
      forgetPerson(rec, pid, (cmd) => {
        const r = floorReducer(rec.floor, cmd, now);
        rec.floor = r.state;
        effects.push(...r.effects);
      });
      await this.deps.store.append(this.attendanceLog(rec), this.attendance(p, 'left', now, rec));
      this.cancelExpiry(pid);
      this.connections.delete(pid);
      if (Object.keys(rec.participants).length === 0) {
        this.detach(pid, [this.ch.room, this.ch.facilitators]);
        return this.end();
      }
      await this.commit(rec, effects);
    });
  }

  /** A connection dropped. The person keeps their place while any tab is open, or for the reconnect window. */
  disconnected(pid: string, socketId: string): Promise<void> {
    return this.run(async () => {
      const set = this.connections.get(pid);
      set?.delete(socketId);
      if (set?.size || !this.rec.participants[pid]) return;
      const now = this.deps.now();
      const rec = clone(this.rec);
      rec.participants[pid]!.offlineSince = now;
      if (rec.floor.seats.includes(pid))
        rec.floor = floorReducer(rec.floor, { type: 'presence', pid, presence: 'offline' }, now).state;
      this.scheduleExpiry(pid, now);
      await this.commit(rec, []);
    });
  }

  view(): RoomView {
    const everyone = Object.values(this.rec.participants);
    return {
      groupId: this.id,
      groupName: this.group.settings.name,
      meetingId: this.rec.meetingId,
      seq: this.rec.seq,
      at: this.deps.now(),
      participants: everyone
        .filter((p) => p.admitted)
        .map((p) => ({ pid: p.pid, name: p.name, role: p.role, online: p.offlineSince === null })),
      floor: this.rec.floor,
      lobbyCount: everyone.filter((p) => !p.admitted).length,
      capacity: this.group.settings.capacity,
      meeting: meetingView(this.rec, this.group),
    };
  }

  lobby(): LobbyEntry[] {
    return Object.values(this.rec.participants)
      .filter((p) => !p.admitted)
      .map((p) => ({ pid: p.pid, name: p.name, since: p.waitingSince ?? p.joinedAt }));
  }

  attendanceEvents(): Promise<AttendanceEvent[]> {
    return this.deps.store.read<AttendanceEvent>(this.attendanceLog(this.rec));
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

  get record(): Readonly<RoomRecord> {
    return this.rec;
  }

  /**
   * A change from another domain (meeting, moderation, care…), made like every other: one at a time on a
   * copy of the record, persisted before it resolves, then broadcast. A throw leaves the room untouched.
   */
  change<T>(fn: (c: RoomChange) => T | Promise<T>): Promise<T> {
    return this.run(async () => {
      const now = this.deps.now();
      const rec = clone(this.rec);
      const effects: FloorEffect[] = [];
      const floor = (cmd: FloorCommand) => {
        const r = floorReducer(rec.floor, cmd, now);
        const rejected = r.effects.find((e) => e.type === 'rejected');
        if (rejected) throw new AppError(rejected.reason);
        rec.floor = r.state;
        effects.push(...r.effects);
      };
      const result = await fn({ rec, now, floor });
      await this.commit(rec, effects);
      return result;
    });
  }

  /**
   * Ends the meeting for everyone at once (a facilitator closed it, or the group is being deleted):
   * everyone's departure is recorded, `finish` tells them (still in this room's turn), and the room empties.
   */
  closeMeeting(finish: (rec: Readonly<RoomRecord>) => Promise<void>): Promise<void> {
    return this.run(async () => {
      const now = this.deps.now();
      const everyone = Object.values(this.rec.participants);
      for (const p of everyone)
        await this.deps.store.append(this.attendanceLog(this.rec), this.attendance(p, 'left', now, this.rec));
      await finish(this.rec);
      for (const p of everyone)
        this.detach(p.pid, [this.ch.room, this.ch.facilitators, this.ch.person(p.pid)]);
      this.connections.clear();
      await this.end();
    });
  }

  /** Stops timers; the persisted record stays for whoever loads the room next. */
  dispose() {
    this.closed = true;
    clearTimeout(this.wakeTimer);
    for (const t of this.expiryTimers.values()) clearTimeout(t);
    this.expiryTimers.clear();
  }

  /**
   * A last word to someone who is no longer part of this meeting (left, removed, erased), after which
   * every connection of theirs, on every node, leaves their own channel too: nothing more reaches them.
   */
  farewell(pid: string, say: (to: ReturnType<Server['to']>) => void) {
    say(this.deps.io.to(this.ch.person(pid)));
    if (!this.rec.participants[pid]) this.detach(pid, [this.ch.person(pid)]);
  }

  // The Redis adapter applies a cluster-wide leave or join on this node only when its own request comes
  // back through Redis, while a broadcast reaches local sockets at once: so this node applies it now
  // itself. Other nodes receive the request ahead of any later broadcast (one connection, in order).
  private detach(pid: string, from: string[]) {
    this.deps.io.local.in(this.ch.person(pid)).socketsLeave(from);
    this.deps.io.in(this.ch.person(pid)).socketsLeave(from);
  }

  private attach(pid: string, to: string[]) {
    this.deps.io.local.in(this.ch.person(pid)).socketsJoin(to);
    this.deps.io.in(this.ch.person(pid)).socketsJoin(to);
  }

  private channelsFor(p: ParticipantRecord): string[] {
    const list = [this.ch.person(p.pid)];
    if (p.admitted) list.push(this.ch.room);
    if (p.admitted && p.role === 'facilitator') list.push(this.ch.facilitators);
    return list;
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

  /** Whether `more` people of this role can be admitted: members against the capacity, observers against their limit. */
  private hasPlace(rec: RoomRecord, role: Role, more: number) {
    const limit =
      role === 'member'
        ? this.group.settings.capacity
        : role === 'observer'
          ? (this.group.settings.observerLimit ?? LIMITS.observersDefault)
          : Infinity;
    const inside = Object.values(rec.participants).filter((p) => p.admitted && p.role === role).length;
    return inside + more <= limit;
  }

  private seat(rec: RoomRecord, p: ParticipantRecord, now: number) {
    if (p.role !== 'observer') rec.floor = floorReducer(rec.floor, { type: 'join', pid: p.pid }, now).state;
  }

  private attendanceLog(rec: RoomRecord) {
    return `${groupKey(this.id)}attendance:${rec.meetingId}`;
  }

  private attendance(
    p: ParticipantRecord,
    type: AttendanceEvent['type'],
    at: number,
    rec?: Readonly<RoomRecord>,
  ): AttendanceEvent {
    const part = rec ? { part: participation(rec, p.pid, p.role) } : {};
    return { pid: p.pid, name: p.name, role: p.role, type, at, ...part };
  }

  private async commit(rec: RoomRecord, effects: ReturnType<typeof floorReducer>['effects']) {
    rec.seq = this.rec.seq + 1;
    // A fence, not a lock: if another node changed the room meanwhile (this one stalled past its lease),
    // this write fails and this node lets go of the room instead of overwriting the newer state.
    if (!(await this.deps.store.replaceIfSeq(roomKey(this.id), rec, this.rec.seq))) {
      this.dispose();
      this.deps.onEmpty(this.id);
      throw new AppError('UNAVAILABLE');
    }
    const prev = this.rec;
    this.rec = rec;
    this.syncChannels(prev, rec);
    for (const fn of this.changeListeners) fn(rec, prev);
    const io = this.deps.io;
    const view = this.view();
    io.to(this.ch.room).emit('room:state', view);
    io.to(this.ch.facilitators).emit('room:lobby', this.lobby());
    for (const e of effects)
      if (e.type === 'notice') io.to(this.ch.room).emit('floor:notice', { ...e.notice, at: view.at });
    this.scheduleWake();
  }

  /** The meeting is over once everyone has gone: its record is removed so the next meeting starts fresh. */
  private async end() {
    for (const fn of this.endListeners) await fn(this.rec);
    await this.deps.store.del(roomKey(this.id));
    this.dispose();
    this.deps.onEmpty(this.id);
  }

  private scheduleWake() {
    clearTimeout(this.wakeTimer);
    const at = nextWake(this.rec.floor);
    if (at === null || this.closed) return;
    this.wakeTimer = setTimeout(
      () => void this.floor({ type: 'tick' }).catch(() => undefined),
      Math.max(0, at - this.deps.now()),
    );
  }

  private scheduleExpiry(pid: string, offlineSince: number) {
    this.cancelExpiry(pid);
    const delay = Math.max(0, offlineSince + this.deps.reconnectWindowMs - this.deps.now());
    this.expiryTimers.set(
      pid,
      setTimeout(() => {
        if (!this.closed && this.rec.participants[pid]?.offlineSince !== null)
          void this.leave(pid).catch(() => undefined);
      }, delay),
    );
  }

  private cancelExpiry(pid: string) {
    clearTimeout(this.expiryTimers.get(pid));
    this.expiryTimers.delete(pid);
  }
}
