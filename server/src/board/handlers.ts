import type { BalanceSummary } from '@circle/shared';
import { BOARD_LIMITS } from '@circle/shared';
import { AppError } from '../errors.js';
import type { HandlerTable, JoinedContext } from '../socket/context.js';
import { newId } from '../tokens.js';

const summary = (b: BalanceSummary): BalanceSummary => ({ ...b });

/** The balance if this person may see it; NOT_FOUND otherwise, so nobody learns what exists privately. */
async function visible(ctx: JoinedContext, id: string) {
  const b = await ctx.services.boards.catalog.get(ctx.room.id, id);
  const access = b && ctx.services.boards.accessOf(ctx.room, ctx, b);
  if (!b || !access) throw new AppError('NOT_FOUND');
  return { balance: b, access };
}

/** The balance if this person owns it. Sharing, renaming and deleting are the owner's alone. */
async function owned(ctx: JoinedContext, id: string) {
  const { balance } = await visible(ctx, id);
  if (balance.owner !== ctx.pid) throw new AppError('FORBIDDEN');
  return balance;
}

const changed = (ctx: JoinedContext) => ctx.services.io.to(ctx.room.ch.room).emit('board:changed');

export const boardHandlers = {
  'board:list': async (ctx) => {
    const boards = ctx.services.boards;
    const balances = (await boards.catalog.all(ctx.room.id))
      .filter((b) => boards.accessOf(ctx.room, ctx, b) !== null)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map(summary);
    return { balances, spotlight: await boards.spotlights.get(ctx.room) };
  },

  'board:create': async (ctx, { title }) => {
    const created = await ctx.services.boards.catalog.mutate(ctx.room.id, (index) => {
      const mine = Object.values(index).filter((b) => b.owner === ctx.pid).length;
      if (mine >= BOARD_LIMITS.balancesPerOwner) throw new AppError('LIMIT');
      const b: BalanceSummary = {
        id: newId(),
        owner: ctx.pid,
        title,
        shared: false,
        createdAt: ctx.services.now(),
      };
      return { next: { ...index, [b.id]: b }, result: b };
    });
    changed(ctx);
    return summary(created);
  },

  'board:open': async (ctx, p) => {
    const boards = ctx.services.boards;
    await visible(ctx, p.id);
    return boards.withLive(ctx.room.id, p.id, async (live) => {
      // Checked again in the balance's queue: sharing may have changed while this waited.
      const b = boards.catalog.peek(ctx.room.id, p.id);
      const access = b && boards.accessOf(ctx.room, ctx, b);
      if (!b || !access) throw new AppError('NOT_FOUND');
      const { sync, awareness } = boards.subscribe(
        live,
        { socket: ctx.socket, pid: ctx.pid, role: ctx.role },
        p.sync,
      );
      const previous = b.owner === ctx.pid ? await live.store.lastSnapshot() : null;
      return { balance: summary(b), access, sync, awareness, previous };
    });
  },

  'board:close': async (ctx, p) => {
    await ctx.services.boards.close(ctx.socket.id, ctx.room.id, p.id);
    return null;
  },

  'board:update': async (ctx, p) => {
    const boards = ctx.services.boards;
    const { access } = await visible(ctx, p.id);
    if (access === 'read') throw new AppError('FORBIDDEN');
    await boards.withLive(ctx.room.id, p.id, async (live) => {
      const b = boards.catalog.peek(ctx.room.id, p.id);
      const now = b && boards.accessOf(ctx.room, ctx, b);
      if (!now) throw new AppError('NOT_FOUND');
      if (now === 'read') throw new AppError('FORBIDDEN');
      await live.update(ctx.socket.id, { pid: ctx.pid, access: now }, p.sync);
    });
    return null;
  },

  'board:awareness': async (ctx, p) => {
    const { access } = await visible(ctx, p.id);
    if (access === 'read') throw new AppError('FORBIDDEN');
    await ctx.services.boards.withLive(ctx.room.id, p.id, (live) =>
      live.awarenessUpdate({ socket: ctx.socket, pid: ctx.pid, role: ctx.role }, p.awareness),
    );
    return null;
  },

  'board:share': async (ctx, p) => {
    const boards = ctx.services.boards;
    await owned(ctx, p.id);
    const next = await boards.catalog.mutate(ctx.room.id, (index) => {
      const b = index[p.id];
      if (!b) throw new AppError('NOT_FOUND');
      const updated = { ...b, shared: p.shared };
      return { next: { ...index, [b.id]: updated }, result: updated };
    });
    if (!p.shared) {
      await boards.recheck(ctx.room.id, p.id);
      await boards.spotlights.clearIf(ctx.room, p.id);
    }
    changed(ctx);
    return summary(next);
  },

  'board:rename': async (ctx, p) => {
    await owned(ctx, p.id);
    const next = await ctx.services.boards.catalog.mutate(ctx.room.id, (index) => {
      const b = index[p.id];
      if (!b) throw new AppError('NOT_FOUND');
      const updated = { ...b, title: p.title };
      return { next: { ...index, [b.id]: updated }, result: updated };
    });
    changed(ctx);
    return summary(next);
  },

  'board:delete': async (ctx, p) => {
    await owned(ctx, p.id);
    await ctx.services.boards.remove(ctx.room, p.id);
    return null;
  },

  'board:spotlight': async (ctx, p) => {
    const boards = ctx.services.boards;
    if (p.id !== null) {
      const { balance } = await visible(ctx, p.id);
      // Only what the owner chose to show the room goes on everyone's screen.
      if (!balance.shared) throw new AppError('CONFLICT');
    }
    await boards.spotlights.set(ctx.room, p.id);
    return null;
  },
} satisfies HandlerTable;
