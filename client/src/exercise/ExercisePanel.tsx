import { useState } from 'react';
import type { ReactNode } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { isBuiltInScenario, LIMITS } from '@circle/shared';
import type { ExerciseRole, ExerciseSummary, ScenarioEntry } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { UnreadWords } from '../chat/Unread';
import { useOpenedNotes } from './useOpenedNotes';
import { useServerState } from '../room/useServerState';
import { call } from '../socket';
import { builtInTitle } from './builtInScenarios';
import { EXERCISE_ROLE_ORDER, roleName } from './roles';
import { ScenarioForm } from './ScenarioForm';
import type { Exercise } from './useExercise';

const m = defineMessages({
  heading: { id: 'exercise.ExercisePanel.heading', defaultMessage: 'Role-play' },
  scenario: { id: 'exercise.ExercisePanel.scenario', defaultMessage: 'Scenario' },
  roles: { id: 'exercise.ExercisePanel.roles', defaultMessage: 'Roles' },
  roleFor: { id: 'exercise.ExercisePanel.roleFor', defaultMessage: 'Role for {name}' },
  notInPlay: { id: 'exercise.ExercisePanel.notInPlay', defaultMessage: 'Not in the play' },
  minutes: { id: 'exercise.ExercisePanel.minutes', defaultMessage: 'Exercise length (minutes)' },
  setUp: { id: 'exercise.ExercisePanel.setUp', defaultMessage: 'Set up the exercise' },
  start: { id: 'exercise.ExercisePanel.start', defaultMessage: 'Start the exercise' },
  needed: {
    id: 'exercise.ExercisePanel.needed',
    defaultMessage: 'A leader and at least one observer are needed; everyone else plays the group.',
  },
  timeOut: {
    id: 'exercise.ExercisePanel.timeOut',
    defaultMessage: 'TIME OUT',
    description:
      'Button: freeze the role-play for the observers’ feedback; keep it recognisable, in capitals',
  },
  end: { id: 'exercise.ExercisePanel.end', defaultMessage: 'End the exercise' },
  feedbackFrom: { id: 'exercise.ExercisePanel.feedbackFrom', defaultMessage: 'Feedback from {name}' },
  allFeedback: {
    id: 'exercise.ExercisePanel.allFeedback',
    defaultMessage: 'Every observer has given feedback.',
  },
  nextObserver: { id: 'exercise.ExercisePanel.nextObserver', defaultMessage: 'Next observer' },
  resume: { id: 'exercise.ExercisePanel.resume', defaultMessage: 'Resume the play' },
  showSummaries: { id: 'exercise.ExercisePanel.showSummaries', defaultMessage: 'Show exercise summaries' },
  summaries: { id: 'exercise.ExercisePanel.summaries', defaultMessage: 'Exercise summaries' },
  noSummaries: {
    id: 'exercise.ExercisePanel.noSummaries',
    defaultMessage: 'No exercise has ended in this meeting yet.',
  },
  summary: {
    id: 'exercise.ExercisePanel.summary',
    defaultMessage: '<b>{title} (run {run})</b>: {roles}',
    description: 'One ended role-play: the scenario, which time it was played, then “name — role” for each',
  },
  nameRole: { id: 'exercise.ExercisePanel.nameRole', defaultMessage: '{name} — {role}' },
  someone: {
    id: 'exercise.ExercisePanel.someone',
    defaultMessage: 'Someone',
    description: 'Stands for a person who has left the meeting',
  },
  notesFrom: { id: 'exercise.ExercisePanel.notesFrom', defaultMessage: 'Notes from {name}: {text}' },
});

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/** Facilitators run the role-play from here: scenario, roles, start, TIME OUT, feedback turns, end. */
export function ExercisePanel({ exercise }: { exercise: Exercise }) {
  const intl = useIntl();
  const { room, view, act, nameOf } = useRoomContext();
  const { seats } = view.floor;
  const [scenarios, , reloadScenarios] = useServerState<ScenarioEntry[]>([], {
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

  const personName = (name: string) => name || intl.formatMessage(m.someone);
  // Summaries kept before built-in scenarios went by id carry only an English title.
  const summaryTitle = (s: ExerciseSummary) =>
    s.scenarioId && isBuiltInScenario(s.scenarioId)
      ? builtInTitle(intl, s.scenarioId)
      : (s.scenarioTitle ?? '');

  async function showSummaries() {
    const socket = room.socketRef.current;
    if (!socket) return;
    setSummaries(await call(socket, 'exercise:summaries', {}));
  }

  return (
    <section className="panel" aria-labelledby="exercise-heading">
      <h2 id="exercise-heading">{intl.formatMessage(m.heading)}</h2>
      {(phase === null || phase === 'ended' || phase === 'setup') && (
        <>
          <label htmlFor="exercise-scenario">{intl.formatMessage(m.scenario)}</label>
          <select id="exercise-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.builtIn ? builtInTitle(intl, s.id) : s.title}
              </option>
            ))}
          </select>
          <ul className="plain" aria-label={intl.formatMessage(m.roles)}>
            {seats.map((pid) => (
              <li key={pid}>
                <label htmlFor={`role-${pid}`}>{intl.formatMessage(m.roleFor, { name: nameOf(pid) })}</label>{' '}
                <select
                  id={`role-${pid}`}
                  value={roles[pid] ?? state?.roles[pid] ?? ''}
                  onChange={(e) => setRoles({ ...roles, [pid]: e.target.value as ExerciseRole | '' })}
                >
                  <option value="">{intl.formatMessage(m.notInPlay)}</option>
                  {EXERCISE_ROLE_ORDER.map((r) => (
                    <option key={r} value={r}>
                      {roleName(intl, r)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
          <label htmlFor="exercise-minutes">{intl.formatMessage(m.minutes)}</label>
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
              {intl.formatMessage(m.setUp)}
            </button>
            <button
              type="button"
              className="primary"
              disabled={phase !== 'setup'}
              onClick={() => void act('exercise:start', {})}
            >
              {intl.formatMessage(m.start)}
            </button>
          </div>
          <p className="hint">{intl.formatMessage(m.needed)}</p>
          <ScenarioForm onSaved={reloadScenarios} />
        </>
      )}
      {phase === 'running' && (
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void act('exercise:timeOut', {})}>
            {intl.formatMessage(m.timeOut)}
          </button>
          <button type="button" onClick={() => void act('exercise:end', {})}>
            {intl.formatMessage(m.end)}
          </button>
        </div>
      )}
      {phase === 'timeout' && state?.feedback && (
        <>
          <p className="status-text">
            {state.feedback.current
              ? intl.formatMessage(m.feedbackFrom, { name: nameOf(state.feedback.current) })
              : intl.formatMessage(m.allFeedback)}
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={!state.feedback.current}
              onClick={() => void act('exercise:nextFeedback', {})}
            >
              {intl.formatMessage(m.nextObserver)}
            </button>
            <button type="button" onClick={() => void act('exercise:resume', {})}>
              {intl.formatMessage(m.resume)}
            </button>
            <button type="button" onClick={() => void act('exercise:end', {})}>
              {intl.formatMessage(m.end)}
            </button>
          </div>
        </>
      )}
      <button type="button" className="link-button" onClick={() => void showSummaries()}>
        {intl.formatMessage(m.showSummaries)}
      </button>
      {summaries && (
        <ul className="plain" aria-label={intl.formatMessage(m.summaries)}>
          {summaries.length === 0 && <li>{intl.formatMessage(m.noSummaries)}</li>}
          {summaries.map((s, i) => (
            <li key={i}>
              {intl.formatMessage(m.summary, {
                b: bold,
                title: summaryTitle(s),
                run: s.run,
                roles: intl.formatList(
                  s.roles.map((r) =>
                    intl.formatMessage(m.nameRole, {
                      name: personName(r.name),
                      role: roleName(intl, r.role),
                    }),
                  ),
                  { type: 'unit' },
                ),
              })}
              {s.sharedNotes.map((n, j) => (
                <SummaryNotes key={j} notes={n} name={personName(n.name)} />
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An observer's notes in a summary (sealed ones opened in this browser, while it holds their key). */
function SummaryNotes({ notes, name }: { notes: ExerciseSummary['sharedNotes'][number]; name: string }) {
  const intl = useIntl();
  const opened = useOpenedNotes(notes, notes.from);
  if (!opened) return null;
  const text = 'unread' in opened ? <UnreadWords why={opened.unread} /> : opened.text;
  return <p>{intl.formatMessage(m.notesFrom, { name, text })}</p>;
}
