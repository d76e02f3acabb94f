import type { FloorFacts } from '../floor/machine.js';
import { canSpeak } from '../floor/machine.js';
import type { FloorCommand } from '../floor/types.js';
import { pauseClock, resumeClock } from '../meeting/clock.js';
import type { CurrentPart, FormatPart, FormatState, FormatStep } from './schemas.js';

export const initialFormat = (): FormatState => ({ current: null, reader: null, timekeeper: null });

export type StepRejection = 'STALE' | 'CONFLICT';

export type StepResult =
  { ok: true; state: FormatState; floor: FloorCommand[] } | { ok: false; reason: StepRejection };

/** Where a move lands: the index of the next part to show, null to stop, or a refusal. */
function target(
  current: CurrentPart | null,
  move: FormatStep['move'],
  count: number,
): number | null | StepRejection {
  const at = current?.index ?? null;
  if (move === 'stop') return at === null ? 'CONFLICT' : null;
  if (move === 'next') {
    const to = at === null ? 0 : at + 1;
    return to < count ? to : 'CONFLICT';
  }
  return at === null || at === 0 ? 'CONFLICT' : Math.min(at - 1, count - 1);
}

/**
 * One step through the group's format (`parts`, as saved now): the part shown next, and what the floor
 * does about it. Pure: the server applies the floor commands in the same change, each only if the floor
 * rules allow it then (a round needs someone seated; giving the word needs the person here).
 *
 * - Leaving a go-around ends its round; leaving a reading takes the word back from the reader.
 * - A go-around starts a round from the first seat with the part's own per-turn limit.
 * - Open sharing ends any round: the word goes to raised hands. A silence takes the word back.
 * - A reading gives the word to the Reader, when one is assigned and can speak.
 */
export function stepFormat(
  state: FormatState,
  parts: readonly FormatPart[],
  step: FormatStep,
  ctx: { now: number; floor: FloorFacts },
): StepResult {
  const current = state.current;
  if ((current?.index ?? null) !== step.expectIndex) return { ok: false, reason: 'STALE' };
  const to = target(current, step.move, parts.length);
  if (to === 'STALE' || to === 'CONFLICT') return { ok: false, reason: to };
  const next: CurrentPart | null =
    to === null
      ? null
      : {
          index: to,
          total: parts.length,
          part: parts[to]!,
          clock:
            parts[to]!.minutes === null
              ? null
              : { openedAt: ctx.now, pausedAt: ctx.floor.paused ? ctx.now : null, pausedMs: 0 },
        };
  return {
    ok: true,
    state: { ...state, current: next },
    floor: floorMoves(current?.part ?? null, next?.part ?? null, state.reader, ctx.floor),
  };
}

function floorMoves(
  from: FormatPart | null,
  to: FormatPart | null,
  reader: string | null,
  floor: FloorFacts,
): FloorCommand[] {
  const out: FloorCommand[] = [];
  let holder = floor.holder?.pid ?? null;
  let round = floor.round !== null;
  const readerReads = to?.kind === 'reading' && reader !== null;
  if (from?.kind === 'go-around' && round) {
    out.push({ type: 'endRound' });
    round = false;
  }
  // The reader keeps the word from one reading to the next; otherwise it comes back when the reading ends.
  if (from?.kind === 'reading' && holder !== null && holder === reader && !readerReads) {
    out.push({ type: 'takeBack' });
    holder = null;
  }
  switch (to?.kind) {
    case 'go-around':
      out.push({ type: 'startRound', limitMs: to.turnLimitSec === null ? null : to.turnLimitSec * 1000 });
      break;
    case 'open-sharing':
      if (round) out.push({ type: 'endRound' });
      break;
    case 'silence':
      if (round) out.push({ type: 'endRound' });
      if (holder !== null) out.push({ type: 'takeBack' });
      break;
    case 'reading':
      if (round) out.push({ type: 'endRound' });
      if (reader !== null && holder !== reader && canSpeak(floor, reader))
        out.push({ type: 'give', pid: reader });
      break;
    default:
      break;
  }
  return out;
}

/** The part's clock follows the meeting's pause, in the same change. */
export function pauseFormat(state: FormatState, on: boolean, now: number): FormatState {
  const clock = state.current?.clock;
  if (!state.current || !clock) return state;
  const next = on ? pauseClock(clock, now) : resumeClock(clock, now);
  return { ...state, current: { ...state.current, clock: next } };
}

/** Roles held by people no longer in the meeting are let go (whoever comes back gets none). */
export function dropRolesOf(state: FormatState, present: (pid: string) => boolean): FormatState {
  const reader = state.reader !== null && !present(state.reader) ? null : state.reader;
  const timekeeper = state.timekeeper !== null && !present(state.timekeeper) ? null : state.timekeeper;
  return reader === state.reader && timekeeper === state.timekeeper
    ? state
    : { ...state, reader, timekeeper };
}
