import type { ParticipantView, RoomView } from '@circle/shared';
import type { GroupRecord } from '../groups/service.js';
import { meetingView } from '../meeting/record.js';
import { nextForSeat } from './places.js';
import type { RoomRecord } from './records.js';

/**
 * The room as its people see it, made from the record. The parts of the view made from parts of the record
 * that did not change are the objects made last time (most changes move only the floor): the next patch
 * compares them by identity instead of walking them.
 */
export class RoomViews {
  private floorOfLast?: RoomRecord['floor'];
  private floorView?: RoomView['floor'];
  private meeting?: { of: [RoomRecord['meeting'], GroupRecord]; view: RoomView['meeting'] };
  private roster?: { of: RoomRecord['participants']; participants: ParticipantView[]; lobbyCount: number };

  view(rec: RoomRecord, group: GroupRecord, at: number): RoomView {
    const roster = this.rosterOf(rec);
    return {
      groupId: group.id,
      groupName: group.settings.name,
      meetingId: rec.meetingId,
      seq: rec.seq,
      at,
      participants: roster.participants,
      floor: this.floorOf(rec),
      lobbyCount: roster.lobbyCount,
      capacity: group.settings.capacity,
      meeting: this.meetingOf(rec, group),
      ...(rec.format ? { format: rec.format } : {}),
    };
  }

  private floorOf(rec: RoomRecord): RoomView['floor'] {
    const floor = rec.floor;
    if (this.floorOfLast !== floor) {
      this.floorOfLast = floor;
      // What an undo would restore stays on the server: clients only need to know when the move was. A
      // floor with nothing to undo (most) is its own view: no copy per change to make, keep and compare.
      this.floorView = floor.lastMove ? { ...floor, lastMove: { at: floor.lastMove.at } } : floor;
    }
    return this.floorView!;
  }

  private meetingOf(rec: RoomRecord, group: GroupRecord): RoomView['meeting'] {
    const m = this.meeting;
    if (!m || m.of[0] !== rec.meeting || m.of[1] !== group)
      this.meeting = { of: [rec.meeting, group], view: meetingView(rec, group) };
    return this.meeting!.view;
  }

  /** Who is here, as the view shows it: made from the participants alone, so reused while they are the same. */
  private rosterOf(rec: RoomRecord) {
    if (this.roster?.of === rec.participants) return this.roster;
    const everyone = Object.values(rec.participants);
    const nextSeat = nextForSeat(rec);
    const participants: ParticipantView[] = everyone
      .filter((p) => p.admitted)
      .map((p) => ({
        pid: p.pid,
        name: p.name,
        role: p.role,
        online: p.offlineSince === null,
        // Listeners are in the roster (it travels only when it changes), never in the floor.
        ...(p.listener ? { listener: true as const } : {}),
        ...(p.pid === nextSeat ? { nextSeat: true as const } : {}),
      }));
    this.roster = { of: rec.participants, participants, lobbyCount: everyone.length - participants.length };
    return this.roster;
  }
}
