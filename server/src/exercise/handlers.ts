import { wordsFor } from '../chat/encrypted.js';
import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';
import type { Exercises } from './service.js';

/** The role-play exercise: its state lives in the room record and changes in the room's transaction. */
export const exerciseDomain = (exercises: Exercises) => {
  const run = async (room: Parameters<Exercises['apply']>[0], cmd: Parameters<Exercises['apply']>[1]) => {
    await exercises.apply(room, cmd);
    return null;
  };
  const handlers = {
    'exercise:get': ({ room, pid }) => exercises.view(room, pid),
    'exercise:scenarios': ({ room }) => exercises.scenarios(room.id),
    'exercise:saveScenario': async ({ room }, p) => ({ id: await exercises.saveScenario(room.id, p) }),
    'exercise:setup': ({ room }, p) =>
      run(room, {
        type: 'setup',
        scenarioId: p.scenarioId,
        roles: p.roles,
        durationMs: p.minutes && p.minutes * 60_000,
      }),
    'exercise:start': ({ room }) => run(room, { type: 'start' }),
    'exercise:timeOut': ({ room }) => run(room, { type: 'timeOut' }),
    'exercise:nextFeedback': ({ room }) => run(room, { type: 'nextFeedback' }),
    'exercise:resume': ({ room }) => run(room, { type: 'resume' }),
    'exercise:end': ({ room }) => run(room, { type: 'end' }),
    // In an encrypted group the notes come sealed and stay so, in the record and in the summary.
    'exercise:shareNotes': ({ room, pid }, p) => {
      const words = wordsFor(room, p);
      return run(
        room,
        words.sealed
          ? { type: 'shareNotes', pid, sealed: words.sealed }
          : { type: 'shareNotes', pid, text: words.text, checked: p.checked ?? [] },
      );
    },
    'exercise:summaries': ({ room }) => exercises.summaries(room),
  } satisfies HandlerTable;
  return defineDomain({
    name: 'exercise',
    handlers,
    attach: (room) => exercises.attach(room),
    close: () => exercises.dispose(),
  });
};
