import { useState } from 'react';
import { LIMITS } from '@circle/shared';
import type { ExerciseRole, ExerciseSummary, Scenario } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';
import { call } from '../socket';
import { ScenarioForm } from './ScenarioForm';
import type { Exercise } from './useExercise';

const ROLE_NAMES: Record<ExerciseRole, string> = {
  newcomer: 'Newcomer',
  leader: 'Leader',
  member: 'Group member',
  observer: 'Observer',
};

/** Facilitators run the role-play from here: scenario, roles, start, TIME OUT, feedback turns, end. */
export function ExercisePanel({ exercise }: { exercise: Exercise }) {
  const { room, view, act, nameOf } = useRoomContext();
  const { seats } = view.floor;
  const [scenarios, , reloadScenarios] = useServerState<Scenario[]>([], {
    fetch: (socket) => call(socket, 'exercise:scenarios', {}),
  });
  const [scenarioId, setScenarioId] = useState('newcomer');
  const [roles, setRoles] = useState<Record<string, ExerciseRole | ''>>({});
  const [minutes, setMinutes] = useState(12);
  const [summaries, setSummaries] = useState<ExerciseSummary[] | null>(null);
  const state = exercise.view?.state ?? null;
  const phase = state?.phase ?? null;

  const chosen = Object.fromEntries(
    Object.entries(roles).filter(([p, r]) => r && seats.includes(p)),
  ) as Record<string, ExerciseRole>;

  async function showSummaries() {
    const socket = room.socketRef.current;
    if (!socket) return;
    setSummaries(await call(socket, 'exercise:summaries', {}));
  }

  return (
    <section className="panel" aria-labelledby="exercise-heading">
      <h2 id="exercise-heading">Role-play</h2>
      {(phase === null || phase === 'ended' || phase === 'setup') && (
        <>
          <label htmlFor="exercise-scenario">Scenario</label>
          <select id="exercise-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
          <ul className="plain" aria-label="Roles">
            {seats.map((pid) => (
              <li key={pid}>
                <label htmlFor={`role-${pid}`}>{`Role for ${nameOf(pid)}`}</label>{' '}
                <select
                  id={`role-${pid}`}
                  value={roles[pid] ?? state?.roles[pid] ?? ''}
                  onChange={(e) => setRoles({ ...roles, [pid]: e.target.value as ExerciseRole | '' })}
                >
                  <option value="">Not in the play</option>
                  {Object.entries(ROLE_NAMES).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <label htmlFor="exercise-minutes">Exercise length (minutes)</label>
          <input
            id="exercise-minutes"
            type="number"
            min={1}
            max={LIMITS.exerciseMinutesMax}
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
          <div className="button-row">
            <button
              type="button"
              onClick={() => void act('exercise:setup', { scenarioId, roles: chosen, minutes })}
            >
              Set up the exercise
            </button>
            <button
              type="button"
              className="primary"
              disabled={phase !== 'setup'}
              onClick={() => void act('exercise:start', {})}
            >
              Start the exercise
            </button>
          </div>
          <p className="hint">
            A leader and at least one observer are needed; everyone else plays the group.
          </p>
          <ScenarioForm onSaved={reloadScenarios} />
        </>
      )}
      {phase === 'running' && (
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void act('exercise:timeOut', {})}>
            TIME OUT
          </button>
          <button type="button" onClick={() => void act('exercise:end', {})}>
            End the exercise
          </button>
        </div>
      )}
      {phase === 'timeout' && state?.feedback && (
        <>
          <p className="status-text">
            {state.feedback.current
              ? `Feedback from ${nameOf(state.feedback.current)}`
              : 'Every observer has given feedback.'}
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={!state.feedback.current}
              onClick={() => void act('exercise:nextFeedback', {})}
            >
              Next observer
            </button>
            <button type="button" onClick={() => void act('exercise:resume', {})}>
              Resume the play
            </button>
            <button type="button" onClick={() => void act('exercise:end', {})}>
              End the exercise
            </button>
          </div>
        </>
      )}
      <button type="button" className="link-button" onClick={() => void showSummaries()}>
        Show exercise summaries
      </button>
      {summaries && (
        <ul className="plain" aria-label="Exercise summaries">
          {summaries.length === 0 && <li>No exercise has ended in this meeting yet.</li>}
          {summaries.map((s, i) => (
            <li key={i}>
              <strong>
                {s.scenarioTitle} (run {s.run})
              </strong>
              : {s.roles.map((r) => `${r.name} — ${ROLE_NAMES[r.role]}`).join(', ')}
              {s.sharedNotes.map((n) => (
                <p key={n.name}>
                  Notes from {n.name}: {n.text}
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
