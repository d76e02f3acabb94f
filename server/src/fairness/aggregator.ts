import type { FairnessView } from '@circle/shared';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/types.js';
import { fairnessView, noteOutOfTurn, type OutOfTurn } from './alerts.js';

/** Facilitators get a fresh view at most this often while people talk. */
export const PUBLISH_EVERY_MS = 1_000;

interface MeetingTalk {
  room: Room;
  talkMs: Map<string, number>;
  outOfTurn: Map<string, OutOfTurn>;
  timer: NodeJS.Timeout | null;
}

/**
 * Talk time per person for the facilitators' fairness view. In memory and per meeting only: never
 * persisted, never sent to members, forgotten when the meeting ends. Media feeds it from audio levels
 * through `addTalk`; everything else about fairness is computed here.
 */
export class Fairness {
  private readonly meetings = new Map<string, MeetingTalk>();

  constructor(private readonly deps: { io: CircleServer; now: () => number }) {}

  /** Follows a room from its loading: each meeting starts with no talk time. */
  attach(room: Room) {
    this.forget(room.id);
    this.meetings.set(room.id, { room, talkMs: new Map(), outOfTurn: new Map(), timer: null });
    room.onEnd(() => {
      if (this.meetings.get(room.id)?.room === room) this.forget(room.id);
    });
  }

  /**
   * `ms` of speech heard from `pid` in the meeting of `groupId`; `outOfTurn` when strict circle is on and
   * they do not hold the word. Unknown meetings are ignored (the meeting may just have ended).
   */
  addTalk(groupId: string, pid: string, ms: number, outOfTurn: boolean) {
    const m = this.meetings.get(groupId);
    if (!m || !(ms > 0)) return;
    m.talkMs.set(pid, (m.talkMs.get(pid) ?? 0) + ms);
    if (outOfTurn) m.outOfTurn.set(pid, noteOutOfTurn(m.outOfTurn.get(pid), ms, this.deps.now()));
    m.timer ??= setTimeout(() => {
      m.timer = null;
      this.publish(groupId);
    }, PUBLISH_EVERY_MS).unref();
  }

  view(groupId: string): FairnessView {
    const m = this.meetings.get(groupId);
    const rec = m?.room.record;
    if (!m || !rec) return { talk: [], totalMs: 0, overShare: [], outOfTurn: [] };
    const members = new Set(
      Object.values(rec.participants)
        .filter((p) => p.role === 'member')
        .map((p) => p.pid),
    );
    return fairnessView({
      talkMs: m.talkMs,
      seated: rec.floor.seats,
      members,
      outOfTurn: m.outOfTurn,
      now: this.deps.now(),
    });
  }

  publish(groupId: string) {
    const m = this.meetings.get(groupId);
    if (!m) return;
    this.deps.io.to(m.room.ch.facilitators).emit('fairness:state', this.view(groupId));
  }

  forget(groupId: string) {
    const m = this.meetings.get(groupId);
    if (m?.timer) clearTimeout(m.timer);
    this.meetings.delete(groupId);
  }

  close() {
    for (const id of [...this.meetings.keys()]) this.forget(id);
  }
}
