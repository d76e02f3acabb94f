import { AppError } from '../errors.js';
import { defineDomain } from '../domain.js';
import { isListener } from '../room/places.js';
import type { HandlerTable, JoinedContext } from '../socket/context.js';

const ok = null;
const sec = (s: number | null | undefined) => (s === undefined ? undefined : s === null ? null : s * 1000);

/** Lowering someone else's hand is a facilitator's move; anyone seated may lower their own. */
function lowerTarget(ctx: JoinedContext, pid: string | undefined): string {
  if (pid === undefined || pid === ctx.pid) return ctx.pid;
  if (ctx.role !== 'facilitator') throw new AppError('FORBIDDEN');
  return pid;
}

const floorHandlers = {
  // A listener steps onto the floor to ask for the word, or when given it; the record says who listens.
  'floor:raise': async ({ room, pid }) => (
    await room.floor((rec) => ({ type: 'raiseHand', pid, listener: isListener(rec, pid) })),
    ok
  ),
  'floor:lower': async (ctx, p) => (
    await ctx.room.floor({ type: 'lowerHand', pid: lowerTarget(ctx, p.pid) }),
    ok
  ),
  'floor:pass': async ({ room, pid }) => (await room.floor({ type: 'pass', pid }), ok),
  'floor:done': async ({ room, pid }) => (await room.floor({ type: 'done', pid }), ok),
  'floor:give': async ({ room }, p) => (
    await room.floor((rec) => ({ type: 'give', ...p, listener: isListener(rec, p.pid) })),
    ok
  ),
  'floor:take': async ({ room }, p) => (await room.floor({ type: 'takeBack', ...p }), ok),
  'floor:next': async ({ room }, p) => (await room.floor({ type: 'next', ...p }), ok),
  'floor:undo': async ({ room }, p) => (await room.floor({ type: 'undo', ...p }), ok),
  'floor:round': async ({ room }, p) => (
    await room.floor({ type: 'startRound', from: p.from, limitMs: sec(p.limitSec) }),
    ok
  ),
  'floor:endRound': async ({ room }) => (await room.floor({ type: 'endRound' }), ok),
  'floor:skip': async ({ room }, p) => (await room.floor({ type: 'skip', pid: p.pid }), ok),
  'floor:reorder': async ({ room }, p) => (await room.floor({ type: 'reorderQueue', order: p.order }), ok),
  'floor:settings': async ({ room }, p) => {
    const settings: { turnLimitMs?: number | null; autoHandover?: boolean } = {};
    if (p.turnLimitSec !== undefined) settings.turnLimitMs = sec(p.turnLimitSec);
    if (p.autoHandover !== undefined) settings.autoHandover = p.autoHandover;
    await room.floor({ type: 'settings', settings });
    return ok;
  },
} satisfies HandlerTable;

export const floorDomain = () => defineDomain({ name: 'floor', handlers: floorHandlers });
