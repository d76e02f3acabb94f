import type {
  ClientEventName,
  ExerciseBrief,
  ExerciseCommand,
  ExerciseState,
  ExerciseSummary,
  ExerciseView,
  RolePlayGate,
  Scenario,
} from '@circle/shared';
import {
  BUILT_IN_SCENARIOS,
  COMMANDS,
  exerciseReducer,
  exerciseWake,
  GENERAL_OBSERVER_QUESTIONS,
  mayPublishInExercise,
  mayUseFloorInExercise,
} from '@circle/shared';
import { AppError } from '../errors.js';
import { groupKey } from '../groups/service.js';
import type { Room } from '../room/Room.js';
import type { CircleServer } from '../socket/context.js';
import type { Store } from '../store/index.js';
import { newId } from '../tokens.js';

const stateKey = (g: string) => `${groupKey(g)}exercise`;
const scenariosKey = (g: string) => `${groupKey(g)}scenarios`;
export const summariesLog = (g: string, meetingId: string) => `${groupKey(g)}exercises:${meetingId}`;

interface Live {
  room: Room;
  state: ExerciseState | null;
  timer?: NodeJS.Timeout;
  /** Commands for one exercise run one at a time (two facilitators may press TIME OUT together). */
  chain: Promise<unknown>;
}

/**
 * Role-play exercises, one per meeting at a time. The state is persisted with the meeting; its effects
 * reach the floor (paused at TIME OUT, a debrief round at the end) and the media (who may publish).
 */
export class Exercises {
  private readonly live = new Map<string, Live>();
  private readonly changeListeners: ((groupId: string) => void)[] = [];

  constructor(private readonly deps: { store: Store; io: CircleServer; now: () => number }) {}

  /** Follows a room from the moment it is loaded: the exercise in progress comes back after a restart. */
  async attach(room: Room) {
    const state = await this.deps.store.get<ExerciseState>(stateKey(room.id));
    const entry: Live = { room, state, chain: Promise.resolve() };
    this.live.set(room.id, entry);
    this.schedule(entry);
    room.onChange((next) => {
      // Someone left the meeting: they have no role in the play any more.
      for (const pid of Object.keys(entry.state?.roles ?? {}))
        if (!next.participants[pid]) void this.apply(room, { type: 'leave', pid }).catch(() => undefined);
    });
    room.onEnd(async () => {
      clearTimeout(entry.timer);
      this.live.delete(room.id);
      await this.deps.store.del(stateKey(room.id));
    });
  }

  /** The dispatcher asks this before any command its definition gates during a role-play (`rolePlay`). */
  allows(groupId: string, pid: string, event: ClientEventName): boolean {
    const state = this.live.get(groupId)?.state ?? null;
    const gate: RolePlayGate | undefined = COMMANDS[event].rolePlay;
    if (gate === 'floor') return mayUseFloorInExercise(state, pid);
    if (gate === 'publish') return mayPublishInExercise(state, pid);
    return true;
  }

  mayPublish(groupId: string, pid: string): boolean {
    return mayPublishInExercise(this.live.get(groupId)?.state ?? null, pid);
  }

  onChange(fn: (groupId: string) => void) {
    this.changeListeners.push(fn);
  }

  async scenarios(groupId: string): Promise<Scenario[]> {
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

  apply(room: Room, cmd: ExerciseCommand): Promise<void> {
    const entry = this.live.get(room.id);
    if (!entry) return Promise.reject(new AppError('NOT_FOUND'));
    const next = entry.chain.then(() => this.applyNow(entry, room, cmd));
    entry.chain = next.catch(() => undefined);
    return next;
  }

  private async applyNow(entry: Live, room: Room, cmd: ExerciseCommand): Promise<void> {
    if (cmd.type === 'setup') {
      const known = new Set((await this.scenarios(room.id)).map((s) => s.id));
      if (!known.has(cmd.scenarioId)) throw new AppError('NOT_FOUND');
      const seated = room.record.floor.seats;
      if (Object.keys(cmd.roles).some((pid) => !seated.includes(pid))) throw new AppError('BAD_REQUEST');
    }
    const before = entry.state;
    const { state, effects } = exerciseReducer(before, cmd, this.deps.now());
    const rejected = effects.find((e) => e.type === 'rejected');
    if (rejected) throw new AppError(rejected.reason);
    // Persisted before anyone hears of it; the floor follows after.
    await this.deps.store.put(stateKey(room.id), state);
    entry.state = state;
    if (state?.phase === 'ended' && before?.phase !== 'ended') await this.keepSummary(room, state);
    for (const e of effects) if (e.type === 'floor') await room.floor(e.command).catch(() => undefined);
    this.schedule(entry);
    const notice = effects.find((e) => e.type === 'notice');
    this.deps.io.to(room.ch.room).emit('exercise:changed', {
      notice: notice?.type === 'notice' ? notice.notice : null,
      at: this.deps.now(),
    });
    for (const fn of this.changeListeners) fn(room.id);
  }

  async view(room: Room, pid: string): Promise<ExerciseView> {
    const state = this.live.get(room.id)?.state ?? null;
    if (!state) return { state: null, scenarioTitle: null, brief: null };
    const scenario = (await this.scenarios(room.id)).find((s) => s.id === state.scenarioId);
    return {
      state,
      scenarioTitle: scenario?.title ?? null,
      brief: scenario ? brief(scenario, state, pid) : null,
    };
  }

  summaries(room: Room): Promise<ExerciseSummary[]> {
    return this.deps.store.read<ExerciseSummary>(summariesLog(room.id, room.record.meetingId));
  }

  dispose() {
    for (const e of this.live.values()) clearTimeout(e.timer);
    this.live.clear();
  }

  private async keepSummary(room: Room, state: ExerciseState) {
    const scenario = (await this.scenarios(room.id)).find((s) => s.id === state.scenarioId);
    const name = (pid: string) => room.record.participants[pid]?.name ?? 'Someone';
    const summary: ExerciseSummary = {
      scenarioTitle: scenario?.title ?? state.scenarioId,
      run: state.run,
      roles: Object.entries(state.roles).map(([pid, role]) => ({ name: name(pid), role })),
      sharedNotes: state.sharedNotes.map((n) => ({ name: name(n.pid), text: n.text, checked: n.checked })),
      durationMs: state.usedMs,
      endedAt: this.deps.now(),
    };
    await this.deps.store.append(summariesLog(room.id, room.record.meetingId), summary);
  }

  private schedule(entry: Live) {
    clearTimeout(entry.timer);
    const at = entry.state ? exerciseWake(entry.state) : null;
    if (at === null) return;
    entry.timer = setTimeout(
      () => void this.apply(entry.room, { type: 'tick' }).catch(() => undefined),
      Math.max(0, at - this.deps.now()),
    );
  }
}

function brief(scenario: Scenario, state: ExerciseState, pid: string): ExerciseBrief | null {
  const role = state.roles[pid];
  if (!role) return null;
  const instructions =
    role === 'observer'
      ? scenario.forObservers
      : role === 'leader'
        ? scenario.forLeaders
        : role === 'newcomer'
          ? (scenario.forNewcomer ?? scenario.forGroup)
          : scenario.forGroup;
  const focus = role === 'observer' ? [...scenario.focus, ...GENERAL_OBSERVER_QUESTIONS] : [];
  return { role, setup: scenario.setup, instructions, focus };
}
