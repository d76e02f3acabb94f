import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { ExerciseNotice, SharedNotes } from '@circle/shared';
import { exerciseUsedMs, isBuiltInScenario } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { builtInTitle, wordBrief } from './builtInScenarios';
import { roleName } from './roles';
import type { Exercise } from './useExercise';
import { useOpenedNotes } from './useOpenedNotes';
import { useSealing, type SealProblem } from '../e2ee/messages/useSealing';
import { SealProblemLine, UnreadWords } from '../chat/Unread';

const m = defineMessages({
  rolePlay: { id: 'exercise.BriefPanel.rolePlay', defaultMessage: 'Role-play' },
  timeLeft: {
    id: 'exercise.BriefPanel.timeLeft',
    defaultMessage: 'Time left in the exercise: {clock}',
    description: 'clock is minutes and seconds, like 4:05',
  },
  timeOut: {
    id: 'exercise.BriefPanel.timeOut',
    defaultMessage: 'TIME OUT.',
    description: 'The role-play is frozen for the observers’ feedback; keep it recognisable, in capitals',
  },
  yourFeedback: {
    id: 'exercise.BriefPanel.yourFeedback',
    defaultMessage: 'You have the word for your feedback.',
  },
  givingFeedback: { id: 'exercise.BriefPanel.givingFeedback', defaultMessage: '{name} is giving feedback.' },
  feedbackOver: { id: 'exercise.BriefPanel.feedbackOver', defaultMessage: 'Feedback is over.' },
  instructions: { id: 'exercise.BriefPanel.instructions', defaultMessage: 'Your instructions' },
  yourRole: { id: 'exercise.BriefPanel.yourRole', defaultMessage: 'Your role: {role}' },
  notesLegend: {
    id: 'exercise.BriefPanel.notesLegend',
    defaultMessage: 'Your notes (private until you share them)',
  },
  notes: { id: 'exercise.BriefPanel.notes', defaultMessage: 'Notes' },
  shareNotes: { id: 'exercise.BriefPanel.shareNotes', defaultMessage: 'Share my notes with the group' },
  sharedNotes: { id: 'exercise.BriefPanel.sharedNotes', defaultMessage: 'Shared notes' },
  sharedNote: { id: 'exercise.BriefPanel.sharedNote', defaultMessage: '<b>{name}:</b> {text}' },
});

const notices = defineMessages({
  warning: { id: 'exercise.BriefPanel.noticeWarning', defaultMessage: 'The exercise is nearly over.' },
  'time-up': { id: 'exercise.BriefPanel.noticeTimeUp', defaultMessage: 'Time is up for the exercise.' },
  'time-out': {
    id: 'exercise.BriefPanel.noticeTimeOut',
    defaultMessage: 'TIME OUT: the play is frozen for the observers’ feedback.',
  },
  resumed: { id: 'exercise.BriefPanel.noticeResumed', defaultMessage: 'The play goes on.' },
  ended: {
    id: 'exercise.BriefPanel.noticeEnded',
    defaultMessage: 'The exercise has ended. Debrief: the word goes around the circle.',
  },
} satisfies Record<ExerciseNotice, unknown>);

const notesKey = (pid: string) => `circle.exercise-notes.${pid}`;
const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/**
 * What everyone sees of the role-play: its clock, who gives feedback, notes observers chose to share;
 * and for each person with a role, only their own instructions. Observers keep private notes here
 * (in this browser only) with their focus questions as a checklist.
 */
export function BriefPanel({ exercise }: { exercise: Exercise }) {
  const intl = useIntl();
  const { me, act, nameOf, clockOffset } = useRoomContext();
  const myPid = me.pid;
  const { view, notice } = exercise;
  const state = view?.state ?? null;
  const brief = view?.brief ? wordBrief(intl, view.brief) : null;
  const [now, setNow] = useState(() => Date.now());
  const [notes, setNotes] = useState(() => localStorage.getItem(notesKey(myPid)) ?? '');
  const [checked, setChecked] = useState<string[]>([]);
  const [problem, setProblem] = useState<SealProblem | null>(null);
  const sealing = useSealing();
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => localStorage.setItem(notesKey(myPid), notes), [myPid, notes]);
  if (!state || (state.phase === 'setup' && !brief)) return null;

  async function share() {
    const sealed = await sealing.notes({ text: notes, checked });
    setProblem('problem' in sealed ? sealed.problem : null);
    if ('payload' in sealed) await act('exercise:shareNotes', sealed.payload);
  }

  const left = Math.max(0, state.durationMs - exerciseUsedMs(state, now + clockOffset));
  const mm = `${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, '0')}`;
  const observer = brief?.role === 'observer';
  const canShare = observer && (state.phase === 'timeout' || state.phase === 'ended');
  const title = isBuiltInScenario(state.scenarioId)
    ? builtInTitle(intl, state.scenarioId)
    : (view?.scenarioTitle ?? intl.formatMessage(m.rolePlay));

  return (
    <section className="panel exercise" aria-labelledby="brief-heading">
      <h2 id="brief-heading">{title}</h2>
      {notice && <p role="status">{intl.formatMessage(notices[notice])}</p>}
      {state.phase === 'running' && (
        <p className={left < 120_000 ? 'warning' : ''}>{intl.formatMessage(m.timeLeft, { clock: mm })}</p>
      )}
      {state.phase === 'timeout' && (
        <p className="status-text" role="status">
          {intl.formatMessage(m.timeOut)}{' '}
          {state.feedback?.current
            ? state.feedback.current === myPid
              ? intl.formatMessage(m.yourFeedback)
              : intl.formatMessage(m.givingFeedback, { name: nameOf(state.feedback.current) })
            : intl.formatMessage(m.feedbackOver)}
        </p>
      )}
      {brief && (
        <div aria-label={intl.formatMessage(m.instructions)} role="region">
          <p>
            <strong>{intl.formatMessage(m.yourRole, { role: roleName(intl, brief.role) })}</strong>
          </p>
          <p>{brief.setup}</p>
          <p>{brief.instructions}</p>
        </div>
      )}
      {observer && (
        <fieldset>
          <legend>{intl.formatMessage(m.notesLegend)}</legend>
          {brief.focus.map((q, i) => (
            <div className="check" key={q}>
              <input
                id={`focus-${i}`}
                type="checkbox"
                checked={checked.includes(q)}
                onChange={(e) =>
                  setChecked(e.target.checked ? [...checked, q] : checked.filter((c) => c !== q))
                }
              />
              <label htmlFor={`focus-${i}`}>{q}</label>
            </div>
          ))}
          <label htmlFor="observer-notes">{intl.formatMessage(m.notes)}</label>
          <textarea id="observer-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} />
          {canShare && (
            <button type="button" onClick={() => void share()}>
              {intl.formatMessage(m.shareNotes)}
            </button>
          )}
          <SealProblemLine problem={problem} />
        </fieldset>
      )}
      {state.sharedNotes.length > 0 && (
        <ul className="plain" aria-label={intl.formatMessage(m.sharedNotes)}>
          {state.sharedNotes.map((n) => (
            <SharedNote key={n.pid} notes={n} name={nameOf(n.pid)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One observer's shared notes (sealed ones opened in this browser). */
function SharedNote({ notes, name }: { notes: SharedNotes; name: string }) {
  const intl = useIntl();
  const opened = useOpenedNotes(notes, notes.pid);
  if (!opened) return null;
  const text = 'unread' in opened ? <UnreadWords why={opened.unread} /> : opened.text;
  return <li>{intl.formatMessage(m.sharedNote, { name, text, b: bold })}</li>;
}
