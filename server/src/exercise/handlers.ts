import { AppError } from '../errors.js';
import type { HandlerTable, JoinedContext } from '../socket/context.js';

const exercises = (ctx: JoinedContext) => {
  if (!ctx.services.exercises) throw new AppError('UNAVAILABLE');
  return ctx.services.exercises;
};
const run = async (
  ctx: JoinedContext,
  cmd: Parameters<NonNullable<JoinedContext['services']['exercises']>['apply']>[1],
) => {
  await exercises(ctx).apply(ctx.room, cmd);
  return null;
};

export const exerciseHandlers = {
  'exercise:get': (ctx) => exercises(ctx).view(ctx.room, ctx.pid),
  'exercise:scenarios': (ctx) => exercises(ctx).scenarios(ctx.room.id),
  'exercise:saveScenario': async (ctx, p) => ({ id: await exercises(ctx).saveScenario(ctx.room.id, p) }),
  'exercise:setup': (ctx, p) =>
    run(ctx, {
      type: 'setup',
      scenarioId: p.scenarioId,
      roles: p.roles,
      durationMs: p.minutes && p.minutes * 60_000,
    }),
  'exercise:start': (ctx) => run(ctx, { type: 'start' }),
  'exercise:timeOut': (ctx) => run(ctx, { type: 'timeOut' }),
  'exercise:nextFeedback': (ctx) => run(ctx, { type: 'nextFeedback' }),
  'exercise:resume': (ctx) => run(ctx, { type: 'resume' }),
  'exercise:end': (ctx) => run(ctx, { type: 'end' }),
  'exercise:shareNotes': (ctx, p) =>
    run(ctx, { type: 'shareNotes', pid: ctx.pid, text: p.text, checked: p.checked }),
  'exercise:summaries': (ctx) => exercises(ctx).summaries(ctx.room),
} satisfies HandlerTable;
