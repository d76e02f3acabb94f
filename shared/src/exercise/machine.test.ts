import { describe, expect, it } from 'vitest';
import { floorReducer, initialFloor } from '../floor/machine.js';
import type { FloorState } from '../floor/types.js';
import {
  DEFAULT_EXERCISE_MS,
  exerciseReducer,
  mayPublishInExercise,
  mayUseFloorInExercise,
  type ExerciseCommand,
  type ExerciseState,
} from './machine.js';

const ROLES = { ana: 'newcomer', ben: 'leader', cy: 'member', dee: 'observer', eve: 'observer' } as const;
const T0 = 1_000_000;

function play(cmds: [ExerciseCommand, number][], start: ExerciseState | null = null) {
  let s = start;
  const log: ReturnType<typeof exerciseReducer>[] = [];
  for (const [cmd, at] of cmds) {
    const r = exerciseReducer(s, cmd, at);
    log.push(r);
    s = r.state;
  }
  return { state: s!, log, last: log.at(-1)! };
}

const setup: ExerciseCommand = { type: 'setup', scenarioId: 'newcomer', roles: { ...ROLES } };

describe('exercise machine: transitions', () => {
  const cases: {
    name: string;
    cmds: [ExerciseCommand, number][];
    expect: Partial<ExerciseState>;
    effects?: unknown[];
  }[] = [
    {
      name: 'setup',
      cmds: [[setup, T0]],
      expect: { phase: 'setup', durationMs: DEFAULT_EXERCISE_MS, run: 1, usedMs: 0 },
    },
    {
      name: 'start runs the clock',
      cmds: [
        [setup, T0],
        [{ type: 'start' }, T0 + 10],
      ],
      expect: { phase: 'running', runningSince: T0 + 10 },
      effects: [{ type: 'wakeAt', at: T0 + 10 + 10 * 60_000 }],
    },
    {
      name: 'time out freezes the clock and gives the first observer the word',
      cmds: [
        [setup, T0],
        [{ type: 'start' }, T0],
        [{ type: 'timeOut' }, T0 + 5_000],
      ],
      expect: {
        phase: 'timeout',
        usedMs: 5_000,
        runningSince: null,
        feedback: { order: ['dee', 'eve'], current: 'dee', given: [] },
      },
      effects: [
        { type: 'floor', command: { type: 'pause' } },
        { type: 'notice', notice: 'time-out' },
      ],
    },
    {
      name: 'feedback goes to the observers in turn, then to nobody',
      cmds: [
        [setup, T0],
        [{ type: 'start' }, T0],
        [{ type: 'timeOut' }, T0 + 5_000],
        [{ type: 'nextFeedback' }, T0 + 6_000],
        [{ type: 'nextFeedback' }, T0 + 7_000],
      ],
      expect: { feedback: { order: ['dee', 'eve'], current: null, given: ['dee', 'eve'] } },
      effects: [],
    },
    {
      name: 'resume restarts the clock where it stopped',
      cmds: [
        [setup, T0],
        [{ type: 'start' }, T0],
        [{ type: 'timeOut' }, T0 + 5_000],
        [{ type: 'resume' }, T0 + 60_000],
      ],
      expect: { phase: 'running', usedMs: 5_000, runningSince: T0 + 60_000, feedback: null },
      effects: [
        { type: 'floor', command: { type: 'resume' } },
        { type: 'notice', notice: 'resumed' },
        { type: 'wakeAt', at: T0 + 60_000 + 10 * 60_000 - 5_000 },
      ],
    },
    {
      name: 'ending from TIME OUT resumes the floor and starts the debrief round',
      cmds: [
        [setup, T0],
        [{ type: 'start' }, T0],
        [{ type: 'timeOut' }, T0 + 5_000],
        [{ type: 'end' }, T0 + 9_000],
      ],
      expect: { phase: 'ended', usedMs: 5_000 },
      effects: [
        { type: 'floor', command: { type: 'resume' } },
        { type: 'floor', command: { type: 'startRound' } },
        { type: 'notice', notice: 'ended' },
      ],
    },
    {
      name: 'running the same scenario again counts the run',
      cmds: [
        [setup, T0],
        [{ type: 'start' }, T0],
        [{ type: 'end' }, T0 + 1],
        [{ ...setup, roles: { ...ROLES, ana: 'observer', dee: 'newcomer' } } as ExerciseCommand, T0 + 2],
      ],
      expect: { phase: 'setup', run: 2, roles: { ...ROLES, ana: 'observer', dee: 'newcomer' } },
    },
  ];
  it.each(cases)('$name', ({ cmds, expect: want, effects }) => {
    const { state, last } = play(cmds);
    expect(state).toMatchObject(want);
    if (effects) expect(last.effects).toEqual(effects);
  });
});

describe('exercise machine: refusals leave the state as it was', () => {
  const running = play([
    [setup, T0],
    [{ type: 'start' }, T0],
  ]).state;
  const cases: [string, ExerciseState | null, ExerciseCommand, string][] = [
    ['start without a set-up', null, { type: 'start' }, 'CONFLICT'],
    [
      'a set-up without an observer',
      null,
      { type: 'setup', scenarioId: 'x', roles: { a: 'leader' } },
      'BAD_REQUEST',
    ],
    [
      'a set-up without a leader',
      null,
      { type: 'setup', scenarioId: 'x', roles: { a: 'observer' } },
      'BAD_REQUEST',
    ],
    ['a new set-up while playing', running, setup, 'CONFLICT'],
    ['start twice', running, { type: 'start' }, 'CONFLICT'],
    ['resume while running', running, { type: 'resume' }, 'CONFLICT'],
    ['next feedback while running', running, { type: 'nextFeedback' }, 'CONFLICT'],
    [
      'notes shared by an actor',
      running,
      { type: 'shareNotes', pid: 'ana', text: 'x', checked: [] },
      'FORBIDDEN',
    ],
    [
      'notes shared mid-play',
      running,
      { type: 'shareNotes', pid: 'dee', text: 'x', checked: [] },
      'CONFLICT',
    ],
  ];
  it.each(cases)('%s', (_name, state, cmd, reason) => {
    const r = exerciseReducer(state, cmd, T0 + 1);
    expect(r.state).toBe(state);
    expect(r.effects).toEqual([{ type: 'rejected', reason }]);
  });
});

describe('exercise clock', () => {
  it('warns two minutes before the end, once, and says when time is up, not counting TIME OUT', () => {
    const { state: running } = play([
      [setup, T0],
      [{ type: 'start' }, T0],
    ]);
    expect(exerciseReducer(running, { type: 'tick' }, T0 + 9 * 60_000).effects).toEqual([
      { type: 'wakeAt', at: T0 + 10 * 60_000 },
    ]);
    const warned = exerciseReducer(running, { type: 'tick' }, T0 + 10 * 60_000);
    expect(warned.effects[0]).toEqual({ type: 'notice', notice: 'warning' });
    const out = play(
      [
        [{ type: 'timeOut' }, T0 + 11 * 60_000],
        [{ type: 'resume' }, T0 + 20 * 60_000],
      ],
      warned.state,
    ).state;
    expect(exerciseReducer(out, { type: 'tick' }, T0 + 20 * 60_000 + 59_000).effects).toEqual([
      { type: 'wakeAt', at: T0 + 21 * 60_000 },
    ]);
    expect(exerciseReducer(out, { type: 'tick' }, T0 + 21 * 60_000).effects).toEqual([
      { type: 'notice', notice: 'time-up' },
    ]);
  });
});

describe('who may publish and use the floor', () => {
  const s = (phase: string, current: string | null = null) =>
    ({
      ...play([[setup, T0]]).state,
      phase,
      feedback: current === null ? null : { order: ['dee', 'eve'], current, given: [] },
    }) as ExerciseState;
  const table: [string, ExerciseState | null, string, boolean, boolean][] = [
    ['no exercise: everyone', null, 'dee', true, true],
    ['set-up: everyone', s('setup'), 'dee', true, true],
    ['running: an actor', s('running'), 'ana', true, true],
    ['running: an observer', s('running'), 'dee', false, false],
    ['running: the trainer (no role)', s('running'), 'fran', true, true],
    ['time out: an actor is held', s('timeout', 'dee'), 'ana', false, true],
    ['time out: the observer giving feedback', s('timeout', 'dee'), 'dee', true, false],
    ['time out: the other observer waits', s('timeout', 'dee'), 'eve', false, false],
    ['time out: the trainer', s('timeout', 'dee'), 'fran', true, true],
    ['ended: everyone', s('ended'), 'dee', true, true],
  ];
  it.each(table)('%s', (_name, state, pid, publish, floor) => {
    expect(mayPublishInExercise(state, pid)).toBe(publish);
    expect(mayUseFloorInExercise(state, pid)).toBe(floor);
  });
});

describe('the exercise and the floor together', () => {
  it('freezes the turn clock at TIME OUT and starts a debrief round at the end', () => {
    let floor: FloorState = initialFloor({ turnLimitMs: 60_000 });
    for (const pid of ['ben', 'ana', 'cy']) floor = floorReducer(floor, { type: 'join', pid }, T0).state;
    floor = floorReducer(floor, { type: 'give', pid: 'ana' }, T0).state;
    const applyFloor = (effects: ReturnType<typeof exerciseReducer>['effects'], at: number) => {
      for (const e of effects) if (e.type === 'floor') floor = floorReducer(floor, e.command, at).state;
    };
    let ex = play([
      [setup, T0],
      [{ type: 'start' }, T0],
    ]).state;
    const out = exerciseReducer(ex, { type: 'timeOut' }, T0 + 10_000);
    applyFloor(out.effects, T0 + 10_000);
    expect(floor.paused).toBe(true);
    expect(floor.holder).toMatchObject({ pid: 'ana', usedMs: 10_000, runningSince: null });
    ex = out.state!;
    const resumed = exerciseReducer(ex, { type: 'resume' }, T0 + 70_000);
    applyFloor(resumed.effects, T0 + 70_000);
    expect(floor.paused).toBe(false);
    expect(floor.holder).toMatchObject({ pid: 'ana', usedMs: 10_000, runningSince: T0 + 70_000 });
    const ended = exerciseReducer(resumed.state, { type: 'end' }, T0 + 80_000);
    applyFloor(ended.effects, T0 + 80_000);
    expect(floor.round?.order).toEqual(['ben', 'ana', 'cy']);
    expect(floor.holder?.pid).toBe('ben');
  });
});
