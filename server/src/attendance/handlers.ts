import { randomBytes } from 'node:crypto';
import { newProofCode, proofName, type AttendanceProof } from '@circle/shared';
import { defineDomain } from '../domain.js';
import { AppError } from '../errors.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';
import type { Store } from '../store/index.js';
import { proofKeys, putProofAsk, saveProof, takeProofAsk } from './proofs.js';
import { verifyRoutes } from './verify.js';

/** The meeting's day where the group meets (YYYY-MM-DD): a proof says which day, not which minute. */
export function meetingDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

interface AttendanceDeps {
  store: Store;
  io: CircleServer;
  now: () => number;
  trustedProxies: number;
  /** Tells the facilitators of the meeting that their view changed. */
  onAsk: (groupId: string) => void;
}

/**
 * Proof of attendance without a screenshot of the grid: the member asks, a facilitator approves, and the
 * member alone receives a proof naming the group, the day and their initials or first name.
 */
function attendanceHandlers(deps: AttendanceDeps) {
  return {
    'attendance:ask': async ({ room, pid }, p) => {
      const person = room.record.participants[pid];
      if (!person) throw new AppError('NOT_JOINED');
      const ask = { pid, shownName: proofName(person.name, p.shownAs), at: deps.now() };
      await putProofAsk(deps.store, room.id, room.record.meetingId, ask);
      deps.onAsk(room.id);
      return null;
    },

    'attendance:decide': async ({ room }, p) => {
      const ask = await takeProofAsk(deps.store, room.id, room.record.meetingId, p.pid);
      if (!ask) throw new AppError('NOT_FOUND');
      deps.onAsk(room.id);
      const to = deps.io.to(room.ch.person(p.pid));
      if (!p.approve) {
        to.emit('attendance:declined');
        return null;
      }
      const { settings } = room.group;
      const proof: AttendanceProof = {
        code: newProofCode((n) => randomBytes(n)),
        groupName: settings.name,
        date: meetingDate(room.record.startedAt, settings.schedule?.timeZone ?? 'UTC'),
        name: ask.shownName,
      };
      await saveProof(deps.store, room.id, proof);
      to.emit('attendance:proof', proof);
      return null;
    },
  } satisfies HandlerTable;
}

export const attendanceDomain = (deps: AttendanceDeps) =>
  defineDomain({
    name: 'attendance',
    handlers: attendanceHandlers(deps),
    // Unanswered requests name who asked: they go with the meeting (only the proofs given are kept).
    attach: (room) =>
      room.onEnd((ended) => deps.store.deletePrefix(proofKeys.asks(room.id, ended.meetingId))),
    routes: verifyRoutes({ store: deps.store, now: deps.now, trustedProxies: deps.trustedProxies }),
  });
