import type { ActionEntry, ClientEventName, FacilitatorView, Role } from '@circle/shared';
import { ACTION_LOG_KEPT } from '@circle/shared';
import { readProofAsks } from '../attendance/proofs.js';
import { readAbsences } from '../meeting/absences.js';
import { meetingOf } from '../meeting/record.js';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import { loggedAction } from './actionLog.js';

/** A short log: enough to see what the other facilitator just did. */
const LOG_KEPT = ACTION_LOG_KEPT;

/**
 * What the facilitators share and nobody else sees: support requests, side rooms, absence notices and the
 * action log. The log lives in memory for the meeting only; the rest is in the room record or the store.
 */
export class Facilitation {
  private readonly logs = new Map<string, { entries: ActionEntry[]; next: number }>();
  private readonly rooms = new Map<string, Room>();

  constructor(private readonly deps: { io: CircleServer; store: Store; now: () => number }) {}

  attach(room: Room) {
    this.rooms.set(room.id, room);
    this.logs.set(room.id, { entries: [], next: 1 });
    room.onChange((next, prev) => {
      // An unchanged meeting part is the same object (Room shares what a change left equal).
      if (next.meeting === prev.meeting) return;
      const a = meetingOf(next);
      const b = meetingOf(prev);
      const seen = (m: typeof a) => JSON.stringify([m.support, m.sideRooms]);
      if (seen(a) !== seen(b)) void this.publish(room.id);
    });
    room.onEnd(() => {
      if (this.rooms.get(room.id) !== room) return;
      this.rooms.delete(room.id);
      this.logs.delete(room.id);
    });
  }

  async view(room: Room): Promise<FacilitatorView> {
    const m = meetingOf(room.record);
    return {
      support: m.support,
      sideRooms: m.sideRooms,
      // A copy: the list changes in place (`record`) while the reads below wait.
      log: [...(this.logs.get(room.id)?.entries ?? [])],
      absences: await readAbsences(this.deps.store, room.id),
      proofAsks: await readProofAsks(this.deps.store, room.id, room.record.meetingId),
    };
  }

  /**
   * Called after every successful event: facilitators' commands go in the shared log. Names are read from
   * the record as it was before the command, so a removal still names the person removed.
   */
  record(
    room: Room,
    before: Readonly<RoomRecord>,
    actor: { pid: string; role: Role },
    event: Exclude<ClientEventName, 'room:join'>,
    payload: unknown,
  ) {
    const logged = loggedAction(event, payload, actor, room.record.seq !== before.seq);
    const log = this.logs.get(room.id);
    if (!logged || !log || this.rooms.get(room.id) !== room) return;
    const nameOf = (pid: string | null) =>
      pid ? (before.participants[pid]?.name ?? room.record.participants[pid]?.name ?? null) : null;
    const entry: ActionEntry = {
      id: log.next++,
      at: this.deps.now(),
      by: actor.pid,
      byName: nameOf(actor.pid) ?? '',
      event,
      target: logged.target,
      targetName: nameOf(logged.target),
      ...(logged.on === undefined ? {} : { on: logged.on }),
    };
    // In place: the list is only read to be sent, and sending encodes it at once.
    log.entries.push(entry);
    if (log.entries.length > LOG_KEPT) log.entries.shift();
    // The new line only: the whole view (up to 50 lines and the absences) on every command was most of
    // what a floor change cost the server.
    this.deps.io.to(room.ch.facilitators).emit('moderation:logged', entry);
  }

  /** Sends the facilitators' view to every facilitator of the group, if its meeting is in memory here. */
  async publish(groupId: string) {
    const room = this.rooms.get(groupId);
    if (!room) return;
    const view = await this.view(room).catch(() => null);
    if (view) this.deps.io.to(room.ch.facilitators).emit('moderation:state', view);
  }
}
