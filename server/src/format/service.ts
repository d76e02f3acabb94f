import type { FormatState, FormatStep, MeetingFormat, MeetingRole } from '@circle/shared';
import { dropRolesOf, initialFormat, stepFormat } from '@circle/shared';
import { AppError } from '../errors.js';
import { groupKey } from '../groups/service.js';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';

/** Under the group's prefix: deleting the group's data deletes it too. */
const formatKey = (groupId: string) => `${groupKey(groupId)}format`;

const EMPTY: MeetingFormat = { parts: [] };

const present = (rec: Readonly<RoomRecord>) => (pid: string) => rec.participants[pid]?.admitted === true;

/**
 * The group's meeting format (stored with the group, written by its facilitators) and its run through a
 * meeting: the current part and the meeting roles live in the room record and change in the room's own
 * transaction, together with what the floor does about them (a round, the Reader's word).
 */
export class Formats {
  /** The turn each room's holder was last signalled in (holder and start), so a turn is signalled once. */
  private readonly signalled = new Map<string, string>();

  constructor(private readonly deps: { store: Store; io: CircleServer; now: () => number }) {}

  attach(room: Room) {
    room.onChange((next, prev) => {
      if (next.participants === prev.participants) return;
      const format = next.format;
      // Someone who left (or was sent to the lobby) holds no role any more: they end with the person's stay.
      if (format && dropRolesOf(format, present(next)) !== format)
        void room
          .change((c) => {
            if (c.rec.format) c.rec.format = dropRolesOf(c.rec.format, present(c.rec));
          })
          .catch(() => undefined);
    });
    room.onEnd(() => void this.signalled.delete(room.id));
  }

  async get(groupId: string): Promise<MeetingFormat> {
    return (await this.deps.store.get<MeetingFormat>(formatKey(groupId))) ?? EMPTY;
  }

  /** Every facilitator's screen reads it again (a co-facilitator's editor, the Start button). */
  async save(room: Room, format: MeetingFormat): Promise<void> {
    await this.deps.store.put(formatKey(room.id), format);
    this.deps.io.to(room.ch.facilitators).emit('format:saved', { at: this.deps.now() });
  }

  async step(room: Room, step: FormatStep): Promise<void> {
    const { parts } = await this.get(room.id);
    await room.change((c) => {
      const r = stepFormat(c.rec.format ?? initialFormat(), parts, step, { now: c.now, floor: c.rec.floor });
      if (!r.ok) throw new AppError(r.reason);
      c.rec.format = r.state;
      // What the floor cannot do right now (nobody seated for a round, the Reader offline) is left undone.
      for (const cmd of r.floor) c.tryFloor(cmd);
    });
  }

  async assign(room: Room, role: MeetingRole, pid: string | null): Promise<void> {
    await room.change((c) => {
      if (pid !== null) {
        const p = c.rec.participants[pid];
        if (!p?.admitted) throw new AppError('NOT_FOUND');
        // A role needs a seat: the Reader takes the word, the Timekeeper is one of the circle.
        if (!c.rec.floor.seats.includes(pid)) throw new AppError('CONFLICT');
      }
      const before: FormatState = c.rec.format ?? initialFormat();
      if (before[role] === pid) return c.unchanged();
      c.rec.format = { ...before, [role]: pid };
    });
  }

  /**
   * The Timekeeper's one move. Checked against the record, not the grant: any member may hold the role for
   * a meeting, and holding it allows this and nothing else. A signal aimed at a turn that has ended is
   * stale; each turn is signalled once, so the holder hears it gently and not as a drumbeat.
   */
  signal(room: Room, from: { pid: string; role: string }, expectHolder: string): null {
    const rec = room.record;
    const holder = rec.floor.holder;
    if (!holder || holder.pid !== expectHolder) throw new AppError('STALE');
    if (from.role !== 'facilitator' && rec.format?.timekeeper !== from.pid) throw new AppError('FORBIDDEN');
    if (holder.pid === from.pid) throw new AppError('CONFLICT');
    const turn = `${holder.pid}:${holder.startedAt}`;
    if (this.signalled.get(room.id) === turn) throw new AppError('CONFLICT');
    this.signalled.set(room.id, turn);
    this.deps.io.to(room.ch.person(holder.pid)).emit('format:timeSignal', { at: this.deps.now() });
    return null;
  }
}
