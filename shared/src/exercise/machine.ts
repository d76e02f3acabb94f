import type { FloorCommand } from '../floor/types.js';
import type { Sealed } from '../chat/sealed.js';

export const EXERCISE_ROLES = ['newcomer', 'leader', 'member', 'observer'] as const;
export type ExerciseRole = (typeof EXERCISE_ROLES)[number];
export type ExercisePhase = 'setup' | 'running' | 'timeout' | 'ended';

export const DEFAULT_EXERCISE_MS = 12 * 60_000;
/** The warning comes this long before the end (or at 80% for very short exercises). */
export const EXERCISE_WARNING_MS = 2 * 60_000;

/** An observer's notes: in clear, or sealed as one (end-to-end encrypted groups: the server cannot read them). */
export type NotesBody =
  | { text: string; checked: string[]; sealed?: undefined }
  | { sealed: Sealed; text?: undefined; checked?: undefined };

export type SharedNotes = { pid: string } & NotesBody;

export interface ExerciseState {
  scenarioId: string;
  roles: Record<string, ExerciseRole>;
  phase: ExercisePhase;
  durationMs: number;
  /** The exercise clock stands still during TIME OUT. */
  usedMs: number;
  runningSince: number | null;
  warned: boolean;
  timeUp: boolean;
  /** During TIME OUT: the observers, in turn, each given the word for their feedback. */
  feedback: { order: string[]; current: string | null; given: string[] } | null;
  sharedNotes: SharedNotes[];
  /** How many times this set-up has been played (roles can be swapped and the scenario run again). */
  run: number;
}

export type ExerciseCommand =
  | { type: 'setup'; scenarioId: string; roles: Record<string, ExerciseRole>; durationMs?: number }
  | { type: 'start' }
  | { type: 'timeOut' }
  | { type: 'nextFeedback' }
  | ({ type: 'shareNotes'; pid: string } & NotesBody)
  | { type: 'resume' }
  | { type: 'end' }
  | { type: 'leave'; pid: string }
  | { type: 'tick' };

export type ExerciseNotice = 'warning' | 'time-up' | 'time-out' | 'resumed' | 'ended';

export type ExerciseEffect =
  /** The floor follows the play: paused during TIME OUT, a debrief round when the exercise ends. */
  | { type: 'floor'; command: FloorCommand }
  | { type: 'notice'; notice: ExerciseNotice }
  | { type: 'wakeAt'; at: number }
  | { type: 'rejected'; reason: 'CONFLICT' | 'BAD_REQUEST' | 'FORBIDDEN' };

export interface ExerciseResult {
  state: ExerciseState | null;
  effects: ExerciseEffect[];
}

const observersOf = (s: ExerciseState) => Object.keys(s.roles).filter((p) => s.roles[p] === 'observer');
export const exerciseUsedMs = (s: ExerciseState, now: number) =>
  s.usedMs + (s.runningSince === null ? 0 : Math.max(0, now - s.runningSince));
const warnAt = (s: ExerciseState) => Math.max(s.durationMs * 0.8, s.durationMs - EXERCISE_WARNING_MS);

/**
 * A role-play exercise: set up (scenario, roles), running (timed), TIME OUT (frozen; observers give
 * feedback in turn), resumed, ended (debrief). Pure: the server applies its effects to floor and media.
 */
export function exerciseReducer(
  prev: ExerciseState | null,
  cmd: ExerciseCommand,
  now: number,
): ExerciseResult {
  const reject = (reason: 'CONFLICT' | 'BAD_REQUEST' | 'FORBIDDEN'): ExerciseResult => ({
    state: prev,
    effects: [{ type: 'rejected', reason }],
  });
  if (cmd.type === 'setup') {
    if (prev && (prev.phase === 'running' || prev.phase === 'timeout')) return reject('CONFLICT');
    const roles = Object.values(cmd.roles);
    if (!roles.includes('leader') || !roles.includes('observer')) return reject('BAD_REQUEST');
    const again = prev?.scenarioId === cmd.scenarioId;
    return {
      state: {
        scenarioId: cmd.scenarioId,
        roles: { ...cmd.roles },
        phase: 'setup',
        durationMs: cmd.durationMs ?? DEFAULT_EXERCISE_MS,
        usedMs: 0,
        runningSince: null,
        warned: false,
        timeUp: false,
        feedback: null,
        sharedNotes: [],
        run: again ? prev.run + 1 : 1,
      },
      effects: [],
    };
  }
  if (!prev) return reject('CONFLICT');
  const s: ExerciseState = JSON.parse(JSON.stringify(prev)) as ExerciseState;
  const effects: ExerciseEffect[] = [];
  switch (cmd.type) {
    case 'start':
      if (s.phase !== 'setup') return reject('CONFLICT');
      s.phase = 'running';
      s.runningSince = now;
      break;
    case 'timeOut': {
      if (s.phase !== 'running') return reject('CONFLICT');
      s.usedMs = exerciseUsedMs(s, now);
      s.runningSince = null;
      s.phase = 'timeout';
      const order = observersOf(s);
      s.feedback = { order, current: order[0] ?? null, given: [] };
      effects.push({ type: 'floor', command: { type: 'pause' } }, { type: 'notice', notice: 'time-out' });
      break;
    }
    case 'nextFeedback': {
      const fb = s.feedback;
      if (s.phase !== 'timeout' || !fb?.current) return reject('CONFLICT');
      fb.given.push(fb.current);
      fb.current = fb.order.find((p) => !fb.given.includes(p) && s.roles[p] === 'observer') ?? null;
      break;
    }
    case 'shareNotes': {
      if (s.roles[cmd.pid] !== 'observer') return reject('FORBIDDEN');
      if (s.phase !== 'timeout' && s.phase !== 'ended') return reject('CONFLICT');
      const notes: SharedNotes = cmd.sealed
        ? { pid: cmd.pid, sealed: cmd.sealed }
        : { pid: cmd.pid, text: cmd.text, checked: cmd.checked };
      s.sharedNotes = [...s.sharedNotes.filter((n) => n.pid !== cmd.pid), notes];
      break;
    }
    case 'resume':
      if (s.phase !== 'timeout') return reject('CONFLICT');
      s.phase = 'running';
      s.runningSince = now;
      s.feedback = null;
      effects.push({ type: 'floor', command: { type: 'resume' } }, { type: 'notice', notice: 'resumed' });
      break;
    case 'end':
      if (s.phase !== 'running' && s.phase !== 'timeout') return reject('CONFLICT');
      if (s.phase === 'timeout') effects.push({ type: 'floor', command: { type: 'resume' } });
      s.usedMs = exerciseUsedMs(s, now);
      s.runningSince = null;
      s.phase = 'ended';
      s.feedback = null;
      // The debrief: the word goes around the circle.
      effects.push({ type: 'floor', command: { type: 'startRound' } }, { type: 'notice', notice: 'ended' });
      break;
    case 'leave':
      if (!(cmd.pid in s.roles)) return { state: prev, effects: [] };
      delete s.roles[cmd.pid];
      if (s.feedback?.current === cmd.pid) {
        s.feedback.given.push(cmd.pid);
        s.feedback.current =
          s.feedback.order.find((p) => !s.feedback!.given.includes(p) && p in s.roles) ?? null;
      }
      break;
    case 'tick':
      if (s.phase !== 'running') break;
      if (!s.warned && exerciseUsedMs(s, now) >= warnAt(s)) {
        s.warned = true;
        effects.push({ type: 'notice', notice: 'warning' });
      }
      if (!s.timeUp && exerciseUsedMs(s, now) >= s.durationMs) {
        s.timeUp = true;
        effects.push({ type: 'notice', notice: 'time-up' });
      }
      break;
  }
  const wake = exerciseWake(s);
  if (wake !== null) effects.push({ type: 'wakeAt', at: wake });
  return { state: s, effects };
}

export function exerciseWake(s: ExerciseState): number | null {
  if (s.phase !== 'running' || s.runningSince === null || s.timeUp) return null;
  const target = s.warned ? s.durationMs : warnAt(s);
  return s.runningSince + Math.max(0, Math.ceil(target - s.usedMs));
}

/** Outside the circle during the play: observers neither publish nor use the floor. */
export function mayPublishInExercise(s: ExerciseState | null, pid: string): boolean {
  if (!s || s.phase === 'setup' || s.phase === 'ended') return true;
  const role = s.roles[pid];
  if (s.phase === 'timeout') return role === 'observer' ? s.feedback?.current === pid : role === undefined;
  return role !== 'observer';
}

export function mayUseFloorInExercise(s: ExerciseState | null, pid: string): boolean {
  if (!s || s.phase === 'setup' || s.phase === 'ended') return true;
  return s.roles[pid] !== 'observer';
}
