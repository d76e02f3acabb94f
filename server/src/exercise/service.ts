import type {
  ClientEventName,
  ExerciseBrief,
  ExerciseCommand,
  ExerciseState,
  ExerciseSummary,
  ExerciseView,
  RolePlayGate,
  Scenario,
  ScenarioEntry,
} from '@circle/shared';
import {
  BUILT_IN_SCENARIOS,
  COMMANDS,
  exerciseReducer,
  exerciseWake,
  mayPublishInExercise,
  mayUseFloorInExercise,
} from '@circle/shared';
import type { Clock, Timer } from '../clock.js';
import { AppError } from '../errors.js';
import { groupKey } from '../groups/service.js';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/types.js';
import type { Store } from '../store/index.js';
import { newId } from '../tokens.js';

// Where the exercise lived before it moved into the room record; removed when a meeting ends.
const legacyStateKey = (g: string) => `${groupKey(g)}exercise`;
const scenariosKey = (g: string) => `${groupKey(g)}scenarios`;
export const summariesLog = (g: string, meetingId: string) => `${groupKey(g)}exercises:${meetingId}`;

interface Live {
  room: Room;
  timer?: Timer;
}

const stateOf = (room: Room): ExerciseState | null => room.record.exercise ?? null;

/**
 * Role-play exercises, one per meeting at a time. The state lives in the room record and changes in the
 * room's own transaction, together with its floor consequences (paused at TIME OUT, a debrief round at
 * the end): the exercise and the floor cannot disagree, and a node that lost the room cannot write.
 */
export class Exercises {
  private readonly live = new Map<string, Live>();
  private readonly changeListeners: ((groupId: string) => void)[] = [];

  constructor(private readonly deps: { store: Store; io: CircleServer; clock: Clock }) {}

  /** Follows a room from the moment it is loaded: the exercise in progress comes back with its record. */
  attach(room: Room) {
    const entry: Live = { room };
    this.live.set(room.id, entry);
    this.schedule(entry);
    room.onChange((next, prev) => {
      // Parts a change left equal are the same objects (Room shares them): the hands and the word move
      // often, the play and who is here seldom.
      if (next.exercise === prev.exercise && next.participants === prev.participants) return;
      this.schedule(entry);
      // Someone left the meeting: they have no role in the play any more.
      for (const pid of Object.keys(next.exercise?.roles ?? {}))
        if (!next.participants[pid]) void this.apply(room, { type: 'leave', pid }).catch(() => undefined);
    });
    room.onEnd(async () => {
      this.deps.clock.clearTimer(entry.timer);
      this.live.delete(room.id);
      await this.deps.store.del(legacyStateKey(room.id));
    });
  }

  /** The dispatcher asks this before any command its definition gates during a role-play (`rolePlay`). */
  allows(groupId: string, pid: string, event: ClientEventName): boolean {
    const entry = this.live.get(groupId);
    const state = entry ? stateOf(entry.room) : null;
    const gate: RolePlayGate | undefined = COMMANDS[event].rolePlay;
    if (gate === 'floor') return mayUseFloorInExercise(state, pid);
    if (gate === 'publish') return mayPublishInExercise(state, pid);
    return true;
  }

  mayPublish(groupId: string, pid: string): boolean {
    const entry = this.live.get(groupId);
    return mayPublishInExercise(entry ? stateOf(entry.room) : null, pid);
  }

  onChange(fn: (groupId: string) => void) {
    this.changeListeners.push(fn);
  }

  /** The built-in scenarios by id (the client words them in each viewer's language), then the group's own. */
  async scenarios(groupId: string): Promise<ScenarioEntry[]> {
    const custom = (await this.deps.store.get<Scenario[]>(scenariosKey(groupId))) ?? [];
    return [...BUILT_IN_SCENARIOS, ...custom];
  }

  async saveScenario(groupId: string, input: Omit<Scenario, 'id' | 'builtIn'>): Promise<string> {
    const custom = (await this.deps.store.get<Scenario[]>(scenariosKey(groupId))) ?? [];
    if (custom.length >= 50) throw new AppError('CONFLICT');
    const id = `custom-${newId()}`;
    await this.deps.store.put(scenariosKey(groupId), [...custom, { ...input, id, builtIn: false }]);
    return id;
  }

  async apply(room: Room, cmd: ExerciseCommand): Promise<void> {
    if (!this.live.has(room.id)) throw new AppError('NOT_FOUND');
    if (cmd.type === 'setup') {
      const known = new Set((await this.scenarios(room.id)).map((s) => s.id));
      if (!known.has(cmd.scenarioId)) throw new AppError('NOT_FOUND');
    }
    const notice = await room.change((c) => {
      if (cmd.type === 'setup' && Object.keys(cmd.roles).some((pid) => !c.rec.floor.seats.includes(pid)))
        throw new AppError('BAD_REQUEST');
      const before = c.rec.exercise ?? null;
      const { state, effects } = exerciseReducer(before, cmd, c.now);
      const rejected = effects.find((e) => e.type === 'rejected');
      if (rejected) throw new AppError(rejected.reason);
      c.rec.exercise = state;
      // The floor follows in the same change. A consequence the floor already holds (paused at TIME OUT
      // while the meeting is paused) is left as it is; the two are committed together or not at all.
      for (const e of effects) if (e.type === 'floor') c.tryFloor(e.command);
      if (state?.phase === 'ended' && before?.phase !== 'ended') c.after(() => this.keepSummary(room, state));
      const found = effects.find((e) => e.type === 'notice');
      return found?.type === 'notice' ? found.notice : null;
    });
    this.deps.io.to(room.ch.room).emit('exercise:changed', { notice, at: this.deps.clock.now() });
    for (const fn of this.changeListeners) fn(room.id);
  }

  async view(room: Room, pid: string): Promise<ExerciseView> {
    const state = stateOf(room);
    if (!state) return { state: null, scenarioTitle: null, brief: null };
    const scenario = (await this.scenarios(room.id)).find((s) => s.id === state.scenarioId);
    return {
      state,
      scenarioTitle: scenario && !scenario.builtIn ? scenario.title : null,
      brief: scenario ? brief(scenario, state, pid) : null,
    };
  }

  summaries(room: Room): Promise<ExerciseSummary[]> {
    return this.deps.store.read<ExerciseSummary>(summariesLog(room.id, room.record.meetingId));
  }

  dispose() {
    for (const e of this.live.values()) this.deps.clock.clearTimer(e.timer);
    this.live.clear();
  }

  private async keepSummary(room: Room, state: ExerciseState) {
    const scenario = (await this.scenarios(room.id)).find((s) => s.id === state.scenarioId);
    // Someone who left is kept without a name ('') and named by the client in the reader's language.
    const name = (pid: string) => room.record.participants[pid]?.name ?? '';
    const summary: ExerciseSummary = {
      scenarioId: state.scenarioId,
      scenarioTitle: scenario && !scenario.builtIn ? scenario.title : null,
      run: state.run,
      roles: Object.entries(state.roles).map(([pid, role]) => ({ name: name(pid), role })),
      sharedNotes: state.sharedNotes.map(({ pid, ...notes }) => ({
        name: name(pid),
        ...notes,
        ...(notes.sealed ? { from: pid } : {}),
      })),
      durationMs: state.usedMs,
      endedAt: this.deps.clock.now(),
    };
    await this.deps.store.append(summariesLog(room.id, room.record.meetingId), summary);
  }

  private schedule(entry: Live) {
    this.deps.clock.clearTimer(entry.timer);
    entry.timer = undefined;
    const state = stateOf(entry.room);
    const at = state ? exerciseWake(state) : null;
    if (at === null) return;
    entry.timer = this.deps.clock.setTimer(
      () => void this.apply(entry.room, { type: 'tick' }).catch(() => undefined),
      Math.max(0, at - this.deps.clock.now()),
    );
  }
}

function brief(scenario: ScenarioEntry, state: ExerciseState, pid: string): ExerciseBrief | null {
  const role = state.roles[pid];
  if (!role) return null;
  if (scenario.builtIn) return { role, builtIn: scenario.id };
  const instructions =
    role === 'observer'
      ? scenario.forObservers
      : role === 'leader'
        ? scenario.forLeaders
        : role === 'newcomer'
          ? (scenario.forNewcomer ?? scenario.forGroup)
          : scenario.forGroup;
  const focus = role === 'observer' ? scenario.focus : [];
  return { role, builtIn: null, setup: scenario.setup, instructions, focus };
}
