import type { BalanceSummary } from '@circle/shared';
import { BOARD_LIMITS } from '@circle/shared';
import { AppError } from '../errors.js';
import { defineDomain } from '../domain.js';
import type { CircleServer, HandlerTable, JoinedContext } from '../socket/context.js';
import type { Boards } from './service.js';
import { newId } from '../tokens.js';

const summary = (b: BalanceSummary): BalanceSummary => ({ ...b });

/** The balance if this person may see it; NOT_FOUND otherwise, so nobody learns what exists privately. */
async function visible(boards: Boards, ctx: JoinedContext, id: string) {
  const b = await boards.catalog.get(ctx.room.id, id);
  const access = b && boards.accessOf(ctx.room, ctx, b);
  if (!b || !access) throw new AppError('NOT_FOUND');
  return { balance: b, access };
}

/** The balance if this person owns it. Sharing, renaming and deleting are the owner's alone. */
async function owned(boards: Boards, ctx: JoinedContext, id: string) {
  const { balance } = await visible(boards, ctx, id);
  if (balance.owner !== ctx.pid) throw new AppError('FORBIDDEN');
  return balance;
}

export interface BoardDeps {
  boards: Boards;
  io: CircleServer;
  now: () => number;
}

/** Balances: their catalogue, live editing and the spotlight; a socket that goes leaves its balances. */
export const boardDomain = (deps: BoardDeps) =>
  defineDomain({
    name: 'board',
    handlers: boardHandlers(deps),
    attach: (room) => deps.boards.attach(room),
    socketGone: (_groupId, socketId) => deps.boards.socketGone(socketId),
    close: () => deps.boards.dispose(),
  });

const boardHandlers = ({ boards, io, now }: BoardDeps) => {
  const changed = (ctx: JoinedContext) => io.to(ctx.room.ch.room).emit('board:changed');
  return {
    'board:list': async (ctx) => {
      const balances = (await boards.catalog.all(ctx.room.id))
        .filter((b) => boards.accessOf(ctx.room, ctx, b) !== null)
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .map(summary);
      return { balances, spotlight: await boards.spotlights.get(ctx.room) };
    },

    'board:create': async (ctx, { title }) => {
      const created = await boards.catalog.mutate(ctx.room.id, (index) => {
        const mine = Object.values(index).filter((b) => b.owner === ctx.pid).length;
        if (mine >= BOARD_LIMITS.balancesPerOwner) throw new AppError('LIMIT');
        const b: BalanceSummary = {
          id: newId(),
          owner: ctx.pid,
          title,
          shared: false,
          createdAt: now(),
        };
        return { next: { ...index, [b.id]: b }, result: b };
      });
      changed(ctx);
      return summary(created);
    },

    'board:open': async (ctx, p) => {
      await visible(boards, ctx, p.id);
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
      await boards.close(ctx.socket.id, ctx.room.id, p.id);
      return null;
    },

    'board:update': async (ctx, p) => {
      const { access } = await visible(boards, ctx, p.id);
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
      const { access } = await visible(boards, ctx, p.id);
      if (access === 'read') throw new AppError('FORBIDDEN');
      await boards.withLive(ctx.room.id, p.id, (live) =>
        live.awarenessUpdate({ socket: ctx.socket, pid: ctx.pid, role: ctx.role }, p.awareness),
      );
      return null;
    },

    'board:share': async (ctx, p) => {
      await owned(boards, ctx, p.id);
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
      await owned(boards, ctx, p.id);
      const next = await boards.catalog.mutate(ctx.room.id, (index) => {
        const b = index[p.id];
        if (!b) throw new AppError('NOT_FOUND');
        const updated = { ...b, title: p.title };
        return { next: { ...index, [b.id]: updated }, result: updated };
      });
      changed(ctx);
      return summary(next);
    },

    'board:delete': async (ctx, p) => {
      await owned(boards, ctx, p.id);
      await boards.remove(ctx.room, p.id);
      return null;
    },

    'board:spotlight': async (ctx, p) => {
      if (p.id !== null) {
        const { balance } = await visible(boards, ctx, p.id);
        // Only what the owner chose to show the room goes on everyone's screen.
        if (!balance.shared) throw new AppError('CONFLICT');
      }
      await boards.spotlights.set(ctx.room, p.id);
      return null;
    },
  } satisfies HandlerTable;
};
