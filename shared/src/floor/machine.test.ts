import { describe, it, expect } from 'vitest';
import {
  canSpeak,
  floorReducer,
  initialFloor,
  nextWake,
  turnUsedMs,
  UNDO_WINDOW_MS,
  upcoming,
  WARNING_SHARE,
} from './machine.js';
import type {
  FloorCommand,
  FloorEffect,
  FloorRejection,
  FloorSettings,
  FloorState,
  Presence,
  Turn,
} from './types.js';

// ---------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------

const T = 1_000_000;

type Step = FloorCommand | [FloorCommand, number];

/** Builds a state by applying setup commands (at time T unless given); a rejected setup step is a test bug. */
function build(steps: Step[], settings: Partial<FloorSettings> = {}): FloorState {
  let s = initialFloor(settings);
  for (const step of steps) {
    const [cmd, at] = Array.isArray(step) ? step : [step, T];
    const r = floorReducer(s, cmd, at);
    if (r.effects.some((e) => e.type === 'rejected'))
      throw new Error(`setup step rejected: ${JSON.stringify(cmd)}`);
    s = r.state;
  }
  return s;
}

const join = (...pids: string[]): FloorCommand[] => pids.map((pid) => ({ type: 'join', pid }));
const raise = (...pids: string[]): FloorCommand[] => pids.map((pid) => ({ type: 'raiseHand', pid }));
const give = (pid: string): FloorCommand => ({ type: 'give', pid });
const presence = (pid: string, p: Presence): FloorCommand => ({ type: 'presence', pid, presence: p });
const here = (...pids: string[]): Record<string, Presence> =>
  Object.fromEntries(pids.map((p) => [p, 'here']));

const turn = (pid: string, at = T, extra: Partial<Turn> = {}): Turn => ({
  pid,
  startedAt: at,
  usedMs: 0,
  runningSince: at,
  limitMs: null,
  warned: false,
  timeUp: false,
  ...extra,
});

const yourTurn = (pid: string): FloorEffect => ({ type: 'notice', notice: { kind: 'your-turn', pid } });
const nextUp = (pid: string): FloorEffect => ({ type: 'notice', notice: { kind: 'next-up', pid } });
const warning = (pid: string): FloorEffect => ({ type: 'notice', notice: { kind: 'time-warning', pid } });
const timeUp = (pid: string): FloorEffect => ({ type: 'notice', notice: { kind: 'time-up', pid } });
const roundEnded: FloorEffect = { type: 'notice', notice: { kind: 'round-ended' } };
const wake = (at: number): FloorEffect => ({ type: 'wakeAt', at });
const rejected = (reason: FloorRejection): FloorEffect => ({ type: 'rejected', reason });

function pick(s: FloorState, keys: (keyof FloorState)[]): Partial<FloorState> {
  return Object.fromEntries(keys.map((k) => [k, s[k]]));
}

interface Case {
  name: string;
  given: FloorState;
  cmd: FloorCommand;
  at?: number;
  /** The state fields this case is about, compared exactly. */
  expect: Partial<FloorState>;
  effects: FloorEffect[];
}

interface Rejection {
  name: string;
  given: FloorState;
  cmd: FloorCommand;
  reason: FloorRejection;
}

function runCase(c: Case) {
  const before = JSON.parse(JSON.stringify(c.given)) as FloorState;
  const r = floorReducer(c.given, c.cmd, c.at ?? T);
  expect(r.effects).toEqual(c.effects);
  expect(pick(r.state, Object.keys(c.expect) as (keyof FloorState)[])).toEqual(c.expect);
  // Pure: the input is never mutated, and the result is a separate object.
  expect(c.given).toEqual(before);
  expect(r.state).not.toBe(c.given);
}

function runRejection(c: Rejection) {
  const before = JSON.parse(JSON.stringify(c.given)) as FloorState;
  const r = floorReducer(c.given, c.cmd, T + 1234);
  expect(r.effects).toEqual([rejected(c.reason)]);
  expect(r.state).toBe(c.given);
  expect(r.state).toEqual(before);
}

interface ScriptStep {
  cmd: FloorCommand;
  at: number;
  effects: FloorEffect[];
  expect?: Partial<FloorState>;
}

interface Script {
  name: string;
  settings?: Partial<FloorSettings>;
  setup?: Step[];
  steps: ScriptStep[];
}

function runScript(sc: Script) {
  let s = build(sc.setup ?? [], sc.settings);
  sc.steps.forEach((step, i) => {
    const r = floorReducer(s, step.cmd, step.at);
    expect(r.effects, `step ${i}: ${JSON.stringify(step.cmd)}`).toEqual(step.effects);
    if (step.expect) {
      expect(pick(r.state, Object.keys(step.expect) as (keyof FloorState)[]), `step ${i} state`).toEqual(
        step.expect,
      );
    }
    s = r.state;
  });
}

// ---------------------------------------------------------------------------------------------------
// Shared starting states
// ---------------------------------------------------------------------------------------------------

/** A, B, C seated and here; nobody holds the word. */
const abc = build(join('A', 'B', 'C'));
/** A, B, C, D seated; A holds the word since T. */
const aHolds = build([...join('A', 'B', 'C', 'D'), give('A')]);
/** A holds; B then C raised their hands. */
const aHoldsBCWait = build([...join('A', 'B', 'C', 'D'), give('A'), ...raise('B', 'C')]);
/** A holds with a 10 s default limit, started at T. */
const aTimed = build([...join('A', 'B', 'C'), give('A')], { turnLimitMs: 10_000 });
/** A go-around of A, B, C, D from B: B holds, C is next. */
const roundFromB = build([...join('A', 'B', 'C', 'D'), { type: 'startRound', from: 'B' }]);

// ---------------------------------------------------------------------------------------------------
// Every command: accepted cases
// ---------------------------------------------------------------------------------------------------

const commandCases: Record<FloorCommand['type'], Case[]> = {
  join: [
    {
      name: 'a new person is seated at the end and is here',
      given: abc,
      cmd: { type: 'join', pid: 'D' },
      expect: { seats: ['A', 'B', 'C', 'D'], presence: here('A', 'B', 'C', 'D'), holder: null, queue: [] },
      effects: [],
    },
    {
      name: 'someone already seated is not seated twice and comes back "here"',
      given: build([...join('A', 'B'), presence('B', 'away')]),
      cmd: { type: 'join', pid: 'B' },
      expect: { seats: ['A', 'B'], presence: here('A', 'B') },
      effects: [],
    },
    {
      name: 'the offline holder rejoining resumes the frozen clock',
      given: build([...join('A', 'B'), [give('A'), T], [presence('A', 'offline'), T + 3_000]], {
        turnLimitMs: 10_000,
      }),
      cmd: { type: 'join', pid: 'A' },
      at: T + 50_000,
      expect: { holder: turn('A', T, { usedMs: 3_000, runningSince: T + 50_000, limitMs: 10_000 }) },
      effects: [wake(T + 50_000 + 5_000)],
    },
  ],
  leave: [
    {
      name: 'a waiting person leaves: unseated, hand lowered, presence forgotten; next-up moves on',
      given: aHoldsBCWait,
      cmd: { type: 'leave', pid: 'B' },
      expect: {
        seats: ['A', 'C', 'D'],
        queue: ['C'],
        presence: here('A', 'C', 'D'),
        holder: turn('A'),
      },
      effects: [nextUp('C')],
    },
    {
      name: 'the holder leaves: the turn counts and the first raised hand gets the word',
      given: aHoldsBCWait,
      cmd: { type: 'leave', pid: 'A' },
      at: T + 5_000,
      expect: {
        seats: ['B', 'C', 'D'],
        holder: turn('B', T + 5_000),
        queue: ['C'],
        turns: { A: { spoke: 1, passed: 0 } },
      },
      effects: [yourTurn('B'), nextUp('C')],
    },
    {
      name: 'the holder leaves during a round: marked spoke, the next seat gets the word',
      given: roundFromB,
      cmd: { type: 'leave', pid: 'B' },
      at: T + 5_000,
      expect: {
        seats: ['A', 'C', 'D'],
        holder: turn('C', T + 5_000),
        round: { order: ['B', 'C', 'D', 'A'], marks: { B: 'spoke' }, limitMs: null },
      },
      effects: [yourTurn('C'), nextUp('D')],
    },
  ],
  presence: [
    {
      name: 'a waiting person steps away: hand stays raised, next-up moves to who can speak',
      given: aHoldsBCWait,
      cmd: presence('B', 'away'),
      expect: { presence: { ...here('A', 'C', 'D'), B: 'away' }, queue: ['B', 'C'], holder: turn('A') },
      effects: [nextUp('C')],
    },
    {
      name: 'the holder goes offline: keeps the word, the clock freezes and no wake-up is asked for',
      given: aTimed,
      cmd: presence('A', 'offline'),
      at: T + 4_000,
      expect: {
        holder: turn('A', T, { usedMs: 4_000, runningSince: null, limitMs: 10_000 }),
        presence: { ...here('B', 'C'), A: 'offline' },
      },
      effects: [],
    },
    {
      name: 'the holder steps away: the turn ends (spoke) and the first raised hand gets the word',
      given: aHoldsBCWait,
      cmd: presence('A', 'away'),
      at: T + 1_000,
      expect: { holder: turn('B', T + 1_000), queue: ['C'], turns: { A: { spoke: 1, passed: 0 } } },
      effects: [yourTurn('B'), nextUp('C')],
    },
    {
      name: 'an offline person coming back just becomes here',
      given: build([...join('A', 'B'), presence('B', 'offline')]),
      cmd: presence('B', 'here'),
      expect: { presence: here('A', 'B'), holder: null },
      effects: [],
    },
  ],
  reorderSeats: [
    {
      name: 'a permutation of the seats is applied',
      given: abc,
      cmd: { type: 'reorderSeats', order: ['C', 'A', 'B'] },
      expect: { seats: ['C', 'A', 'B'] },
      effects: [],
    },
    {
      name: 'the running round keeps the order it started with',
      given: roundFromB,
      cmd: { type: 'reorderSeats', order: ['D', 'C', 'B', 'A'] },
      expect: {
        seats: ['D', 'C', 'B', 'A'],
        round: { order: ['B', 'C', 'D', 'A'], marks: {}, limitMs: null },
      },
      effects: [],
    },
  ],
  raiseHand: [
    {
      name: 'the first raised hand is next up',
      given: aHolds,
      cmd: { type: 'raiseHand', pid: 'C' },
      expect: { queue: ['C'], holder: turn('A') },
      effects: [nextUp('C')],
    },
    {
      name: 'a later hand queues behind',
      given: aHoldsBCWait,
      cmd: { type: 'raiseHand', pid: 'D' },
      expect: { queue: ['B', 'C', 'D'] },
      effects: [],
    },
    {
      name: 'raising an already raised hand keeps the place',
      given: aHoldsBCWait,
      cmd: { type: 'raiseHand', pid: 'B' },
      expect: { queue: ['B', 'C'] },
      effects: [],
    },
    {
      name: 'with nobody holding the word, a hand waits for the facilitator',
      given: abc,
      cmd: { type: 'raiseHand', pid: 'B' },
      expect: { queue: ['B'], holder: null },
      effects: [nextUp('B')],
    },
  ],
  lowerHand: [
    {
      name: 'lowering the first hand makes the second next up',
      given: aHoldsBCWait,
      cmd: { type: 'lowerHand', pid: 'B' },
      expect: { queue: ['C'] },
      effects: [nextUp('C')],
    },
    {
      name: 'lowering a hand that is not raised changes nothing',
      given: aHoldsBCWait,
      cmd: { type: 'lowerHand', pid: 'D' },
      expect: { queue: ['B', 'C'], holder: turn('A') },
      effects: [],
    },
  ],
  pass: [
    {
      name: 'the holder passes: counted as passed, the first raised hand gets the word',
      given: aHoldsBCWait,
      cmd: { type: 'pass', pid: 'A' },
      at: T + 2_000,
      expect: { holder: turn('B', T + 2_000), queue: ['C'], turns: { A: { spoke: 0, passed: 1 } } },
      effects: [yourTurn('B'), nextUp('C')],
    },
    {
      name: 'passing in a round marks "passed" and moves to the next seat',
      given: roundFromB,
      cmd: { type: 'pass', pid: 'B' },
      at: T + 2_000,
      expect: {
        holder: turn('C', T + 2_000),
        round: { order: ['B', 'C', 'D', 'A'], marks: { B: 'passed' }, limitMs: null },
        turns: { B: { spoke: 0, passed: 1 } },
      },
      effects: [yourTurn('C'), nextUp('D')],
    },
    {
      name: 'the holder passes with nobody waiting: nobody holds the word',
      given: aHolds,
      cmd: { type: 'pass', pid: 'A' },
      expect: { holder: null, turns: { A: { spoke: 0, passed: 1 } } },
      effects: [],
    },
  ],
  done: [
    {
      name: 'the holder is done: counted as spoke, hands are served first come first served',
      given: aHoldsBCWait,
      cmd: { type: 'done', pid: 'A' },
      at: T + 60_000,
      expect: { holder: turn('B', T + 60_000), queue: ['C'], turns: { A: { spoke: 1, passed: 0 } } },
      effects: [yourTurn('B'), nextUp('C')],
    },
    {
      name: 'a hand that stepped away is passed over but keeps its place',
      given: build([...join('A', 'B', 'C', 'D'), give('A'), ...raise('B', 'C'), presence('B', 'away')]),
      cmd: { type: 'done', pid: 'A' },
      expect: { holder: turn('C'), queue: ['B'] },
      effects: [yourTurn('C')],
    },
  ],
  give: [
    {
      name: 'giving the word with nobody holding it; the receiver leaves the queue',
      given: build([...join('A', 'B', 'C'), ...raise('B', 'C')]),
      cmd: give('C'),
      at: T + 10,
      expect: { holder: turn('C', T + 10), queue: ['B'], turns: {} },
      effects: [yourTurn('C')],
    },
    {
      name: 'giving the word ends the current turn (counted) and uses the default limit',
      given: build([...join('A', 'B', 'C'), give('A')], { turnLimitMs: 30_000 }),
      cmd: give('B'),
      at: T + 10,
      expect: { holder: turn('B', T + 10, { limitMs: 30_000 }), turns: { A: { spoke: 1, passed: 0 } } },
      effects: [yourTurn('B'), wake(T + 10 + 24_000)],
    },
    {
      name: 'giving in a round uses the round limit and marks the previous holder',
      given: build([...join('A', 'B', 'C'), { type: 'startRound', from: 'A', limitMs: 20_000 }], {
        turnLimitMs: 30_000,
      }),
      cmd: give('C'),
      at: T + 10,
      expect: {
        holder: turn('C', T + 10, { limitMs: 20_000 }),
        round: { order: ['A', 'B', 'C'], marks: { A: 'spoke' }, limitMs: 20_000 },
      },
      effects: [yourTurn('C'), wake(T + 10 + 16_000)],
    },
  ],
  takeBack: [
    {
      name: 'the facilitator takes the word back: counted, nobody gets it automatically',
      given: aHoldsBCWait,
      cmd: { type: 'takeBack' },
      expect: { holder: null, queue: ['B', 'C'], turns: { A: { spoke: 1, passed: 0 } } },
      effects: [],
    },
    {
      name: 'taking back in a round marks the holder and pauses the round',
      given: roundFromB,
      cmd: { type: 'takeBack' },
      expect: { holder: null, round: { order: ['B', 'C', 'D', 'A'], marks: { B: 'spoke' }, limitMs: null } },
      effects: [],
    },
  ],
  next: [
    {
      name: 'next ends the turn and hands to the first raised hand',
      given: aHoldsBCWait,
      cmd: { type: 'next' },
      at: T + 7,
      expect: { holder: turn('B', T + 7), queue: ['C'], turns: { A: { spoke: 1, passed: 0 } } },
      effects: [yourTurn('B'), nextUp('C')],
    },
    {
      name: 'next with nobody holding serves the first raised hand',
      given: build([...join('A', 'B', 'C'), ...raise('C', 'A')]),
      cmd: { type: 'next' },
      expect: { holder: turn('C'), queue: ['A'], turns: {} },
      effects: [yourTurn('C'), nextUp('A')],
    },
    {
      name: 'next with nobody waiting just ends the turn',
      given: aHolds,
      cmd: { type: 'next' },
      expect: { holder: null, turns: { A: { spoke: 1, passed: 0 } } },
      effects: [],
    },
    {
      name: 'next resumes a paused round',
      given: build([...join('A', 'B', 'C', 'D'), { type: 'startRound', from: 'B' }, { type: 'takeBack' }]),
      cmd: { type: 'next' },
      expect: {
        holder: turn('C'),
        round: { order: ['B', 'C', 'D', 'A'], marks: { B: 'spoke' }, limitMs: null },
      },
      effects: [yourTurn('C'), nextUp('D')],
    },
  ],
  startRound: [
    {
      name: 'from a chosen seat, in seat order, with its own limit',
      given: build(join('A', 'B', 'C', 'D'), { turnLimitMs: 30_000 }),
      cmd: { type: 'startRound', from: 'C', limitMs: 60_000 },
      expect: {
        round: { order: ['C', 'D', 'A', 'B'], marks: {}, limitMs: 60_000 },
        holder: turn('C', T, { limitMs: 60_000 }),
      },
      effects: [yourTurn('C'), nextUp('D'), wake(T + 48_000)],
    },
    {
      name: 'by default from the first seat with the default limit',
      given: build(join('A', 'B', 'C'), { turnLimitMs: 30_000 }),
      cmd: { type: 'startRound' },
      expect: {
        round: { order: ['A', 'B', 'C'], marks: {}, limitMs: 30_000 },
        holder: turn('A', T, { limitMs: 30_000 }),
      },
      effects: [yourTurn('A'), nextUp('B'), wake(T + 24_000)],
    },
    {
      name: 'limitMs null means no limit even with a default',
      given: build(join('A', 'B'), { turnLimitMs: 30_000 }),
      cmd: { type: 'startRound', limitMs: null },
      expect: { round: { order: ['A', 'B'], marks: {}, limitMs: null }, holder: turn('A') },
      effects: [yourTurn('A'), nextUp('B')],
    },
    {
      name: 'the current holder is ended (counted, not a round mark) before the round starts',
      given: build([...join('A', 'B', 'C'), give('B')]),
      cmd: { type: 'startRound', from: 'B' },
      at: T + 9,
      expect: {
        round: { order: ['B', 'C', 'A'], marks: {}, limitMs: null },
        holder: turn('B', T + 9),
        turns: { B: { spoke: 1, passed: 0 } },
      },
      effects: [yourTurn('B'), nextUp('C')],
    },
    {
      name: 'absent people at the start are skipped',
      given: build([...join('A', 'B', 'C', 'D'), presence('A', 'away'), presence('B', 'offline')]),
      cmd: { type: 'startRound', from: 'A' },
      expect: {
        round: { order: ['A', 'B', 'C', 'D'], marks: { A: 'skipped', B: 'skipped' }, limitMs: null },
        holder: turn('C'),
      },
      effects: [yourTurn('C'), nextUp('D')],
    },
    {
      name: 'if nobody can speak the round ends at once',
      given: build([...join('A', 'B'), presence('A', 'away'), presence('B', 'offline')]),
      cmd: { type: 'startRound' },
      expect: { round: null, holder: null },
      effects: [roundEnded],
    },
  ],
  endRound: [
    {
      name: 'ending the round keeps the holder; raised hands are next',
      given: build([...join('A', 'B', 'C', 'D'), { type: 'startRound', from: 'B' }, ...raise('A')]),
      cmd: { type: 'endRound' },
      expect: { round: null, holder: turn('B'), queue: ['A'] },
      effects: [nextUp('A')],
    },
  ],
  skip: [
    {
      name: 'skipping a later seat marks it and moves next-up',
      given: roundFromB,
      cmd: { type: 'skip', pid: 'C' },
      expect: {
        holder: turn('B'),
        round: { order: ['B', 'C', 'D', 'A'], marks: { C: 'skipped' }, limitMs: null },
      },
      effects: [nextUp('D')],
    },
    {
      name: 'skipping the holder moves the word on without counting a turn',
      given: roundFromB,
      cmd: { type: 'skip', pid: 'B' },
      at: T + 3,
      expect: {
        holder: turn('C', T + 3),
        round: { order: ['B', 'C', 'D', 'A'], marks: { B: 'skipped' }, limitMs: null },
        turns: {},
      },
      effects: [yourTurn('C'), nextUp('D')],
    },
    {
      name: 'skipping the last holder ends the round',
      given: build([...join('A', 'B'), { type: 'startRound' }, { type: 'done', pid: 'A' }, ...raise('A')]),
      cmd: { type: 'skip', pid: 'B' },
      expect: { holder: turn('A'), round: null, queue: [] },
      effects: [roundEnded, yourTurn('A')],
    },
  ],
  reorderQueue: [
    {
      name: 'a permutation of the queue is applied and next-up follows it',
      given: aHoldsBCWait,
      cmd: { type: 'reorderQueue', order: ['C', 'B'] },
      expect: { queue: ['C', 'B'] },
      effects: [nextUp('C')],
    },
    {
      name: 'an empty queue reordered to empty',
      given: aHolds,
      cmd: { type: 'reorderQueue', order: [] },
      expect: { queue: [] },
      effects: [],
    },
  ],
  settings: [
    {
      name: 'a partial update merges',
      given: build(join('A'), { turnLimitMs: 30_000 }),
      cmd: { type: 'settings', settings: { autoHandover: true } },
      expect: { settings: { turnLimitMs: 30_000, autoHandover: true } },
      effects: [],
    },
    {
      name: 'a key present but undefined leaves that setting alone',
      given: build(join('A'), { turnLimitMs: 30_000 }),
      cmd: { type: 'settings', settings: { turnLimitMs: undefined, autoHandover: true } },
      expect: { settings: { turnLimitMs: 30_000, autoHandover: true } },
      effects: [],
    },
    {
      name: 'turnLimitMs null switches the default limit off',
      given: build(join('A'), { turnLimitMs: 30_000, autoHandover: true }),
      cmd: { type: 'settings', settings: { turnLimitMs: null } },
      expect: { settings: { turnLimitMs: null, autoHandover: true } },
      effects: [],
    },
    {
      name: 'a new default limit applies to the next turn, not the current one',
      given: aHolds,
      cmd: { type: 'settings', settings: { turnLimitMs: 5_000 } },
      expect: { settings: { turnLimitMs: 5_000, autoHandover: false }, holder: turn('A') },
      effects: [],
    },
  ],
  pause: [
    {
      name: "freezes the holder's clock and asks for no wake-up",
      given: aTimed,
      cmd: { type: 'pause' },
      at: T + 3_000,
      expect: { holder: turn('A', T, { limitMs: 10_000, usedMs: 3_000, runningSince: null }), paused: true },
      effects: [],
    },
  ],
  resume: [
    {
      name: 'restarts the clock where it stood, with the wake-up moved on',
      given: build([...join('A', 'B', 'C'), give('A'), [{ type: 'pause' }, T + 3_000]], {
        turnLimitMs: 10_000,
      }),
      cmd: { type: 'resume' },
      at: T + 10_000,
      expect: {
        holder: turn('A', T, { limitMs: 10_000, usedMs: 3_000, runningSince: T + 10_000 }),
        paused: false,
      },
      effects: [wake(T + 15_000)],
    },
  ],
  tick: [
    {
      name: 'nothing to do without a holder',
      given: abc,
      cmd: { type: 'tick' },
      expect: { holder: null },
      effects: [],
    },
    {
      name: 'nothing to do without a limit',
      given: aHolds,
      cmd: { type: 'tick' },
      at: T + 10_000_000,
      expect: { holder: turn('A') },
      effects: [],
    },
    {
      name: 'before 80% only the wake-up is repeated',
      given: aTimed,
      cmd: { type: 'tick' },
      at: T + 7_999,
      expect: { holder: turn('A', T, { limitMs: 10_000 }) },
      effects: [wake(T + 8_000)],
    },
    {
      name: 'at 80% the warning, and a wake-up for the deadline',
      given: aTimed,
      cmd: { type: 'tick' },
      at: T + 8_000,
      expect: { holder: turn('A', T, { limitMs: 10_000, warned: true }) },
      effects: [warning('A'), wake(T + 10_000)],
    },
    {
      name: 'past the limit at once: warning and time-up together',
      given: aTimed,
      cmd: { type: 'tick' },
      at: T + 12_000,
      expect: { holder: turn('A', T, { limitMs: 10_000, warned: true, timeUp: true }) },
      effects: [warning('A'), timeUp('A')],
    },
  ],
  undo: [
    {
      name: 'undoing a give hands the word back to the holder with the time they had left',
      given: build([...join('A', 'B', 'C'), give('A'), ...raise('C'), [give('B'), T + 4_000]], {
        turnLimitMs: 60_000,
      }),
      cmd: { type: 'undo', expectHolder: 'B' },
      at: T + 6_000,
      expect: {
        holder: turn('A', T, { limitMs: 60_000, usedMs: 4_000, runningSince: T + 6_000 }),
        queue: ['C'],
        turns: {},
      },
      effects: [yourTurn('A'), wake(T + 6_000 + 44_000)],
    },
    {
      name: 'undoing a next puts the hand back up and the turn back, uncounted',
      given: build([...join('A', 'B', 'C', 'D'), give('A'), ...raise('B', 'C'), { type: 'next' }]),
      cmd: { type: 'undo', expectHolder: 'B' },
      at: T + UNDO_WINDOW_MS,
      expect: { holder: turn('A', T, { runningSince: T + UNDO_WINDOW_MS }), queue: ['B', 'C'], turns: {} },
      effects: [yourTurn('A'), nextUp('B')],
    },
    {
      name: 'undoing a take back restores the holder; the move is forgotten',
      given: build([...join('A', 'B'), give('A'), { type: 'takeBack' }]),
      cmd: { type: 'undo', expectHolder: null },
      at: T + 1_000,
      expect: { holder: turn('A', T, { runningSince: T + 1_000 }), turns: {}, lastMove: undefined },
      effects: [yourTurn('A')],
    },
  ],
};

describe('floorReducer: every command', () => {
  for (const [type, cases] of Object.entries(commandCases)) {
    describe(type, () => {
      it.each(cases)('$name', runCase);
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Rejections: state unchanged (the very same object), one 'rejected' effect
// ---------------------------------------------------------------------------------------------------

const rejections: Rejection[] = [
  { name: 'leave by someone not seated', given: abc, cmd: { type: 'leave', pid: 'Z' }, reason: 'NOT_FOUND' },
  { name: 'presence of someone not seated', given: abc, cmd: presence('Z', 'here'), reason: 'NOT_FOUND' },
  {
    name: 'reorderSeats missing someone',
    given: abc,
    cmd: { type: 'reorderSeats', order: ['A', 'B'] },
    reason: 'BAD_REQUEST',
  },
  {
    name: 'reorderSeats with a stranger',
    given: abc,
    cmd: { type: 'reorderSeats', order: ['A', 'B', 'Z'] },
    reason: 'BAD_REQUEST',
  },
  {
    name: 'reorderSeats with a duplicate',
    given: abc,
    cmd: { type: 'reorderSeats', order: ['A', 'B', 'B'] },
    reason: 'BAD_REQUEST',
  },
  {
    name: 'raiseHand by the holder',
    given: aHolds,
    cmd: { type: 'raiseHand', pid: 'A' },
    reason: 'CONFLICT',
  },
  {
    name: 'raiseHand by someone not seated',
    given: aHolds,
    cmd: { type: 'raiseHand', pid: 'Z' },
    reason: 'CONFLICT',
  },
  {
    name: 'raiseHand by someone away',
    given: build([...join('A', 'B'), presence('B', 'away')]),
    cmd: { type: 'raiseHand', pid: 'B' },
    reason: 'CONFLICT',
  },
  { name: 'pass by a non-holder', given: aHoldsBCWait, cmd: { type: 'pass', pid: 'B' }, reason: 'CONFLICT' },
  { name: 'pass when nobody holds', given: abc, cmd: { type: 'pass', pid: 'A' }, reason: 'CONFLICT' },
  { name: 'done by a non-holder', given: aHoldsBCWait, cmd: { type: 'done', pid: 'C' }, reason: 'CONFLICT' },
  { name: 'give to someone not seated', given: aHolds, cmd: give('Z'), reason: 'NOT_FOUND' },
  {
    name: 'give to someone away',
    given: build([...join('A', 'B'), give('A'), presence('B', 'away')]),
    cmd: give('B'),
    reason: 'CONFLICT',
  },
  {
    name: 'give to someone offline',
    given: build([...join('A', 'B'), give('A'), presence('B', 'offline')]),
    cmd: give('B'),
    reason: 'CONFLICT',
  },
  { name: 'give to the current holder', given: aTimed, cmd: give('A'), reason: 'CONFLICT' },
  { name: 'takeBack when nobody holds', given: abc, cmd: { type: 'takeBack' }, reason: 'CONFLICT' },
  {
    name: 'startRound with nobody seated',
    given: initialFloor(),
    cmd: { type: 'startRound' },
    reason: 'CONFLICT',
  },
  {
    name: 'startRound from someone not seated',
    given: abc,
    cmd: { type: 'startRound', from: 'Z' },
    reason: 'NOT_FOUND',
  },
  { name: 'endRound without a round', given: aHolds, cmd: { type: 'endRound' }, reason: 'CONFLICT' },
  { name: 'skip without a round', given: aHolds, cmd: { type: 'skip', pid: 'B' }, reason: 'CONFLICT' },
  {
    name: 'skip someone not in the round',
    given: build([...join('A', 'B'), { type: 'startRound' }, ...join('C')]),
    cmd: { type: 'skip', pid: 'C' },
    reason: 'CONFLICT',
  },
  {
    name: 'skip someone already marked',
    given: build([...join('A', 'B', 'C'), { type: 'startRound' }, { type: 'done', pid: 'A' }]),
    cmd: { type: 'skip', pid: 'A' },
    reason: 'CONFLICT',
  },
  {
    name: 'reorderQueue missing someone',
    given: aHoldsBCWait,
    cmd: { type: 'reorderQueue', order: ['C'] },
    reason: 'BAD_REQUEST',
  },
  {
    name: 'reorderQueue with someone not waiting',
    given: aHoldsBCWait,
    cmd: { type: 'reorderQueue', order: ['C', 'D'] },
    reason: 'BAD_REQUEST',
  },
  {
    name: 'reorderQueue with a duplicate',
    given: aHoldsBCWait,
    cmd: { type: 'reorderQueue', order: ['C', 'C'] },
    reason: 'BAD_REQUEST',
  },
  {
    name: 'reorderQueue adding someone',
    given: aHoldsBCWait,
    cmd: { type: 'reorderQueue', order: ['C', 'B', 'D'] },
    reason: 'BAD_REQUEST',
  },
  // Commands aimed at a floor that has moved since: refused whole, never applied to the new holder.
  {
    name: 'next aimed at the previous holder (they pressed I’m done meanwhile)',
    given: build([...join('A', 'B', 'C'), give('A'), ...raise('B'), { type: 'done', pid: 'A' }]),
    cmd: { type: 'next', expectHolder: 'A' },
    reason: 'STALE',
  },
  {
    name: 'the second of two nexts sent together (expected nobody, B has it now)',
    given: build([...join('A', 'B', 'C'), ...raise('B', 'C'), { type: 'next' }]),
    cmd: { type: 'next', expectHolder: null },
    reason: 'STALE',
  },
  {
    name: 'next naming someone who is no longer next',
    given: aHoldsBCWait,
    cmd: { type: 'next', expectHolder: 'A', expectNext: 'C' },
    reason: 'STALE',
  },
  {
    name: 'give aimed at another holder',
    given: aHolds,
    cmd: { type: 'give', pid: 'B', expectHolder: null },
    reason: 'STALE',
  },
  {
    name: 'take back aimed at another holder',
    given: aHolds,
    cmd: { type: 'takeBack', expectHolder: 'B' },
    reason: 'STALE',
  },
  {
    name: 'undo after someone else moved the floor (A pressed I’m done after B was given the word)',
    given: build([...join('A', 'B', 'C'), give('A'), give('B'), { type: 'done', pid: 'B' }]),
    cmd: { type: 'undo', expectHolder: null },
    reason: 'STALE',
  },
  {
    name: 'undo after a hand went up since the move',
    given: build([...join('A', 'B', 'C'), give('A'), give('B'), ...raise('C')]),
    cmd: { type: 'undo', expectHolder: 'B' },
    reason: 'STALE',
  },
  {
    name: 'undo aimed at another holder',
    given: build([...join('A', 'B', 'C'), give('A'), give('B')]),
    cmd: { type: 'undo', expectHolder: 'A' },
    reason: 'STALE',
  },
  {
    name: 'undo with nothing to undo',
    given: abc,
    cmd: { type: 'undo', expectHolder: null },
    reason: 'STALE',
  },
];

describe('floorReducer: undo window', () => {
  it('an undo after the window is refused', () => {
    const given = build([...join('A', 'B'), give('A'), give('B')]);
    const r = floorReducer(given, { type: 'undo', expectHolder: 'B' }, T + UNDO_WINDOW_MS + 1);
    expect(r.effects).toEqual([rejected('CONFLICT')]);
  });
});

describe('floorReducer: rejections leave the state unchanged', () => {
  it.each(rejections)('$name -> $reason', runRejection);
});

// ---------------------------------------------------------------------------------------------------
// Scenarios: whole sequences with the exact effects of every step
// ---------------------------------------------------------------------------------------------------

const done = (pid: string): FloorCommand => ({ type: 'done', pid });
const pass = (pid: string): FloorCommand => ({ type: 'pass', pid });
const tick: FloorCommand = { type: 'tick' };

const scripts: Script[] = [
  {
    name: 'go-around from a chosen seat, one person passes, the round ends with a notice',
    setup: join('A', 'B', 'C', 'D', 'E'),
    steps: [
      {
        cmd: { type: 'startRound', from: 'C' },
        at: T,
        effects: [yourTurn('C'), nextUp('D')],
        expect: { round: { order: ['C', 'D', 'E', 'A', 'B'], marks: {}, limitMs: null }, holder: turn('C') },
      },
      {
        cmd: done('C'),
        at: T + 1,
        effects: [yourTurn('D'), nextUp('E')],
        expect: { round: { order: ['C', 'D', 'E', 'A', 'B'], marks: { C: 'spoke' }, limitMs: null } },
      },
      {
        cmd: pass('D'),
        at: T + 2,
        effects: [yourTurn('E'), nextUp('A')],
        expect: {
          round: { order: ['C', 'D', 'E', 'A', 'B'], marks: { C: 'spoke', D: 'passed' }, limitMs: null },
        },
      },
      { cmd: done('E'), at: T + 3, effects: [yourTurn('A'), nextUp('B')] },
      {
        cmd: done('A'),
        at: T + 4,
        effects: [yourTurn('B')],
        expect: {
          holder: turn('B', T + 4),
          round: {
            order: ['C', 'D', 'E', 'A', 'B'],
            marks: { C: 'spoke', D: 'passed', E: 'spoke', A: 'spoke' },
            limitMs: null,
          },
        },
      },
      {
        cmd: done('B'),
        at: T + 5,
        effects: [roundEnded],
        expect: {
          round: null,
          holder: null,
          turns: {
            A: { spoke: 1, passed: 0 },
            B: { spoke: 1, passed: 0 },
            C: { spoke: 1, passed: 0 },
            D: { spoke: 0, passed: 1 },
            E: { spoke: 1, passed: 0 },
          },
        },
      },
    ],
  },
  {
    name: 'the round skips people who are offline, away or left, and then serves raised hands',
    setup: [...join('A', 'B', 'C', 'D', 'E'), presence('B', 'offline'), presence('C', 'away')],
    steps: [
      { cmd: { type: 'startRound', from: 'A' }, at: T, effects: [yourTurn('A'), nextUp('D')] },
      { cmd: { type: 'leave', pid: 'D' }, at: T + 1, effects: [nextUp('E')] },
      { cmd: { type: 'raiseHand', pid: 'C' }, at: T + 2, effects: [rejected('CONFLICT')] },
      { cmd: { type: 'raiseHand', pid: 'A' }, at: T + 2, effects: [rejected('CONFLICT')] },
      {
        cmd: done('A'),
        at: T + 3,
        effects: [yourTurn('E')],
        expect: {
          holder: turn('E', T + 3),
          round: {
            order: ['A', 'B', 'C', 'D', 'E'],
            marks: { A: 'spoke', B: 'skipped', C: 'skipped', D: 'skipped' },
            limitMs: null,
          },
        },
      },
      // Coming back after being skipped does not give a second chance in this round.
      { cmd: presence('B', 'here'), at: T + 4, effects: [] },
      { cmd: { type: 'raiseHand', pid: 'B' }, at: T + 5, effects: [nextUp('B')] },
      {
        cmd: done('E'),
        at: T + 6,
        effects: [roundEnded, yourTurn('B')],
        expect: { round: null, holder: turn('B', T + 6), queue: [] },
      },
    ],
  },
  {
    name: 'someone back before the round reaches them is not skipped',
    setup: [...join('A', 'B', 'C'), presence('B', 'offline')],
    steps: [
      { cmd: { type: 'startRound' }, at: T, effects: [yourTurn('A'), nextUp('C')] },
      { cmd: presence('B', 'here'), at: T + 1, effects: [nextUp('B')] },
      { cmd: done('A'), at: T + 2, effects: [yourTurn('B'), nextUp('C')] },
    ],
  },
  {
    name: 'raised hands wait for the round and are then served first come first served',
    setup: join('A', 'B', 'C', 'D'),
    steps: [
      { cmd: { type: 'startRound', from: 'C' }, at: T, effects: [yourTurn('C'), nextUp('D')] },
      { cmd: { type: 'raiseHand', pid: 'B' }, at: T + 1, effects: [] },
      { cmd: { type: 'raiseHand', pid: 'A' }, at: T + 2, effects: [] },
      { cmd: done('C'), at: T + 3, effects: [yourTurn('D'), nextUp('A')] },
      // A's round turn also serves A's raised hand.
      { cmd: done('D'), at: T + 4, effects: [yourTurn('A'), nextUp('B')], expect: { queue: ['B'] } },
      { cmd: done('A'), at: T + 5, effects: [yourTurn('B')], expect: { queue: [] } },
      { cmd: done('B'), at: T + 6, effects: [roundEnded], expect: { holder: null, round: null } },
    ],
  },
  {
    name: 'raised hands outside a round: first come first served, next-up to whoever is next',
    setup: [...join('A', 'B', 'C', 'D'), give('A')],
    steps: [
      { cmd: { type: 'raiseHand', pid: 'D' }, at: T + 1, effects: [nextUp('D')] },
      { cmd: { type: 'raiseHand', pid: 'B' }, at: T + 2, effects: [] },
      { cmd: { type: 'raiseHand', pid: 'C' }, at: T + 3, effects: [] },
      { cmd: done('A'), at: T + 4, effects: [yourTurn('D'), nextUp('B')], expect: { queue: ['B', 'C'] } },
      { cmd: done('D'), at: T + 5, effects: [yourTurn('B'), nextUp('C')], expect: { queue: ['C'] } },
      { cmd: done('B'), at: T + 6, effects: [yourTurn('C')], expect: { queue: [] } },
      { cmd: done('C'), at: T + 7, effects: [], expect: { holder: null } },
    ],
  },
  {
    name: 'turn limit without auto hand-over: warning once, time-up once, the holder keeps the word',
    settings: { turnLimitMs: 10_000 },
    setup: [...join('A', 'B'), ...raise('B')],
    steps: [
      { cmd: give('A'), at: T, effects: [yourTurn('A'), wake(T + 8_000)] },
      { cmd: tick, at: T + 1_000, effects: [wake(T + 8_000)] },
      {
        cmd: tick,
        at: T + 7_999,
        effects: [wake(T + 8_000)],
        expect: { holder: turn('A', T, { limitMs: 10_000 }) },
      },
      { cmd: tick, at: T + 8_000, effects: [warning('A'), wake(T + 10_000)] },
      { cmd: tick, at: T + 8_500, effects: [wake(T + 10_000)] },
      { cmd: tick, at: T + 9_999, effects: [wake(T + 10_000)] },
      {
        cmd: tick,
        at: T + 10_000,
        effects: [timeUp('A')],
        expect: { holder: turn('A', T, { limitMs: 10_000, warned: true, timeUp: true }), queue: ['B'] },
      },
      { cmd: tick, at: T + 15_000, effects: [] },
      { cmd: tick, at: T + 99_000, effects: [] },
    ],
  },
  {
    name: 'auto hand-over: time-up passes the word to the next raised hand, whose clock starts',
    settings: { turnLimitMs: 10_000, autoHandover: true },
    setup: [...join('A', 'B', 'C'), ...raise('B', 'C')],
    steps: [
      { cmd: { type: 'next' }, at: T, effects: [yourTurn('B'), nextUp('C'), wake(T + 8_000)] },
      { cmd: tick, at: T + 8_000, effects: [warning('B'), wake(T + 10_000)] },
      {
        cmd: tick,
        at: T + 10_000,
        effects: [timeUp('B'), yourTurn('C'), wake(T + 18_000)],
        expect: { holder: turn('C', T + 10_000, { limitMs: 10_000 }), turns: { B: { spoke: 1, passed: 0 } } },
      },
      { cmd: tick, at: T + 20_000, effects: [warning('C'), timeUp('C')], expect: { holder: null } },
    ],
  },
  {
    name: 'auto hand-over in a round moves to the next seat with the round limit',
    settings: { turnLimitMs: 10_000, autoHandover: true },
    setup: join('A', 'B', 'C'),
    steps: [
      {
        cmd: { type: 'startRound', from: 'B', limitMs: 5_000 },
        at: T,
        effects: [yourTurn('B'), nextUp('C'), wake(T + 4_000)],
      },
      { cmd: tick, at: T + 4_000, effects: [warning('B'), wake(T + 5_000)] },
      {
        cmd: tick,
        at: T + 5_000,
        effects: [timeUp('B'), yourTurn('C'), nextUp('A'), wake(T + 9_000)],
        expect: {
          holder: turn('C', T + 5_000, { limitMs: 5_000 }),
          round: { order: ['B', 'C', 'A'], marks: { B: 'spoke' }, limitMs: 5_000 },
        },
      },
    ],
  },
  {
    name: 'switching auto hand-over on takes effect at the next time-up',
    settings: { turnLimitMs: 10_000 },
    setup: [...join('A', 'B'), ...raise('B')],
    steps: [
      { cmd: give('A'), at: T, effects: [yourTurn('A'), wake(T + 8_000)] },
      { cmd: { type: 'settings', settings: { autoHandover: true } }, at: T + 1, effects: [wake(T + 8_000)] },
      { cmd: tick, at: T + 10_000, effects: [warning('A'), timeUp('A'), yourTurn('B'), wake(T + 18_000)] },
    ],
  },
  {
    name: 'an offline holder keeps the word with its remaining time; the clock resumes on "here"',
    settings: { turnLimitMs: 10_000, autoHandover: true },
    setup: [...join('A', 'B'), ...raise('B')],
    steps: [
      { cmd: give('A'), at: T, effects: [yourTurn('A'), wake(T + 8_000)] },
      {
        cmd: presence('A', 'offline'),
        at: T + 6_000,
        effects: [],
        expect: {
          holder: turn('A', T, { limitMs: 10_000, usedMs: 6_000, runningSince: null }),
          queue: ['B'],
        },
      },
      // Long after the deadline would have been: nothing happens while the clock is frozen.
      { cmd: tick, at: T + 60_000, effects: [] },
      { cmd: presence('A', 'offline'), at: T + 61_000, effects: [] },
      { cmd: { type: 'raiseHand', pid: 'A' }, at: T + 62_000, effects: [rejected('CONFLICT')] },
      {
        cmd: presence('A', 'here'),
        at: T + 100_000,
        effects: [wake(T + 102_000)],
        expect: { holder: turn('A', T, { limitMs: 10_000, usedMs: 6_000, runningSince: T + 100_000 }) },
      },
      { cmd: presence('A', 'here'), at: T + 100_500, effects: [wake(T + 102_000)] },
      { cmd: tick, at: T + 101_999, effects: [wake(T + 102_000)] },
      { cmd: tick, at: T + 102_000, effects: [warning('A'), wake(T + 104_000)] },
      // Offline again after the warning: the remaining two seconds are kept.
      {
        cmd: presence('A', 'offline'),
        at: T + 103_000,
        effects: [],
        expect: {
          holder: turn('A', T, {
            limitMs: 10_000,
            usedMs: 9_000,
            runningSince: null,
            warned: true,
          }),
        },
      },
      { cmd: presence('A', 'here'), at: T + 200_000, effects: [wake(T + 201_000)] },
      {
        cmd: tick,
        at: T + 201_000,
        effects: [timeUp('A'), yourTurn('B'), wake(T + 209_000)],
        expect: {
          holder: turn('B', T + 201_000, { limitMs: 10_000 }),
          turns: { A: { spoke: 1, passed: 0 } },
        },
      },
    ],
  },
  {
    name: 'an offline holder in a round keeps the word; the facilitator can move on with next',
    setup: join('A', 'B', 'C'),
    steps: [
      { cmd: { type: 'startRound' }, at: T, effects: [yourTurn('A'), nextUp('B')] },
      {
        cmd: presence('A', 'offline'),
        at: T + 1,
        effects: [],
        expect: { holder: turn('A', T, { usedMs: 1, runningSince: null }) },
      },
      {
        cmd: { type: 'next' },
        at: T + 2,
        effects: [yourTurn('B'), nextUp('C')],
        expect: { round: { order: ['A', 'B', 'C'], marks: { A: 'spoke' }, limitMs: null } },
      },
    ],
  },
  {
    name: 'next-up follows whoever is next through lowering, reordering and leaving',
    setup: [...join('A', 'B', 'C', 'D'), give('A')],
    steps: [
      { cmd: { type: 'raiseHand', pid: 'B' }, at: T, effects: [nextUp('B')] },
      { cmd: { type: 'raiseHand', pid: 'C' }, at: T, effects: [] },
      { cmd: { type: 'raiseHand', pid: 'D' }, at: T, effects: [] },
      { cmd: { type: 'reorderQueue', order: ['D', 'B', 'C'] }, at: T, effects: [nextUp('D')] },
      { cmd: { type: 'reorderQueue', order: ['D', 'C', 'B'] }, at: T, effects: [] },
      { cmd: { type: 'lowerHand', pid: 'D' }, at: T, effects: [nextUp('C')] },
      { cmd: presence('C', 'offline'), at: T, effects: [nextUp('B')] },
      { cmd: { type: 'leave', pid: 'B' }, at: T, effects: [] },
      { cmd: presence('C', 'here'), at: T, effects: [nextUp('C')] },
    ],
  },
];

describe('floorReducer: scenarios', () => {
  it.each(scripts)('$name', runScript);
});

// ---------------------------------------------------------------------------------------------------
// Helpers exported by the machine
// ---------------------------------------------------------------------------------------------------

describe('nextWake', () => {
  const cases: { name: string; state: FloorState; wake: number | null }[] = [
    { name: 'no holder', state: abc, wake: null },
    { name: 'no limit', state: aHolds, wake: null },
    { name: 'running, not warned: the 80% mark', state: aTimed, wake: T + 10_000 * WARNING_SHARE },
    {
      name: 'running, warned: the deadline',
      state: build([...join('A'), [give('A'), T], [tick, T + 8_500]], { turnLimitMs: 10_000 }),
      wake: T + 10_000,
    },
    {
      name: 'resumed after a pause: only the remaining time counts',
      state: build(
        [
          ...join('A'),
          [give('A'), T],
          [presence('A', 'offline'), T + 3_000],
          [presence('A', 'here'), T + 50_000],
        ],
        {
          turnLimitMs: 10_000,
        },
      ),
      wake: T + 55_000,
    },
    {
      name: 'paused (holder offline)',
      state: build([...join('A'), [give('A'), T], [presence('A', 'offline'), T + 3_000]], {
        turnLimitMs: 10_000,
      }),
      wake: null,
    },
    {
      name: 'time already up',
      state: build([...join('A'), [give('A'), T], [tick, T + 10_000]], { turnLimitMs: 10_000 }),
      wake: null,
    },
    {
      name: 'a fractional 80% mark is rounded up to the first millisecond the tick will act on',
      state: build([...join('A'), [give('A'), T]], { turnLimitMs: 1_001 }),
      wake: T + 801,
    },
  ];
  it.each(cases)('$name', ({ state, wake }) => {
    expect(nextWake(state)).toBe(wake);
  });

  it('a tick at the fractional mark fires the warning', () => {
    const s = build([...join('A'), [give('A'), T]], { turnLimitMs: 1_001 });
    expect(floorReducer(s, tick, T + 800).effects).toEqual([wake(T + 801)]);
    expect(floorReducer(s, tick, T + 801).effects).toEqual([warning('A'), wake(T + 1_001)]);
  });
});

describe('turnUsedMs, canSpeak, upcoming', () => {
  it.each([
    { name: 'running', t: turn('A', T, { usedMs: 500 }), now: T + 1_000, used: 1_500 },
    { name: 'paused', t: turn('A', T, { usedMs: 500, runningSince: null }), now: T + 1_000, used: 500 },
    { name: 'clock behind the start', t: turn('A', T, { usedMs: 500 }), now: T - 1_000, used: 500 },
  ])('turnUsedMs: $name', ({ t, now, used }) => {
    expect(turnUsedMs(t, now)).toBe(used);
  });

  const s = build([...join('A', 'B', 'C', 'D'), presence('B', 'away'), presence('C', 'offline')]);
  it.each([
    { pid: 'A', can: true },
    { pid: 'B', can: false },
    { pid: 'C', can: false },
    { pid: 'Z', can: false },
  ])('canSpeak($pid) is $can', ({ pid, can }) => {
    expect(canSpeak(s, pid)).toBe(can);
  });

  it.each([
    { name: 'nobody waiting', state: aHolds, next: null },
    { name: 'first raised hand', state: aHoldsBCWait, next: 'B' },
    {
      name: 'the round before raised hands',
      state: build([...join('A', 'B', 'C'), ...raise('A'), { type: 'startRound', from: 'B' }]),
      next: 'C',
    },
    {
      name: 'raised hands once nobody in the round can speak',
      state: build([
        ...join('A', 'B', 'C'),
        { type: 'startRound', from: 'A' },
        ...join('D'),
        ...raise('D'),
        presence('B', 'away'),
        { type: 'skip', pid: 'C' },
      ]),
      next: 'D',
    },
  ])('upcoming: $name', ({ state, next }) => {
    expect(upcoming(state)).toBe(next);
  });
});

describe('floorReducer: a command copies only what it changes', () => {
  const given = build([...join('a', 'b', 'c'), ...raise('b'), give('a'), { type: 'startRound' }]);
  const parts = ['seats', 'presence', 'queue', 'round', 'settings', 'turns'] as const;
  const cases: { cmd: FloorCommand; changed: (typeof parts)[number][] }[] = [
    { cmd: { type: 'raiseHand', pid: 'c' }, changed: ['queue'] },
    { cmd: { type: 'lowerHand', pid: 'b' }, changed: ['queue'] },
    { cmd: { type: 'presence', pid: 'c', presence: 'offline' }, changed: ['presence'] },
    { cmd: { type: 'tick' }, changed: [] },
    { cmd: { type: 'settings', settings: { turnLimitMs: 5_000 } }, changed: ['settings'] },
    { cmd: { type: 'skip', pid: 'c' }, changed: ['round'] },
    // The holder's turn ends (counted, marked in the round) and the round's next person, b, takes the
    // word, their raised hand with it.
    { cmd: { type: 'done', pid: 'a' }, changed: ['round', 'turns', 'queue'] },
  ];
  for (const c of cases)
    it(`${c.cmd.type}: ${c.changed.join(', ') || 'nothing'} new, the rest the very objects of the floor before`, () => {
      const r = floorReducer(given, c.cmd, T + 1_000);
      expect(r.effects.some((e) => e.type === 'rejected')).toBe(false);
      for (const part of parts)
        if (c.changed.includes(part)) expect(r.state[part], part).not.toBe(given[part]);
        else expect(r.state[part], part).toBe(given[part]);
    });
});
