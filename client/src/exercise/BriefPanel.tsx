import { useEffect, useState } from 'react';
import { exerciseUsedMs } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import type { Exercise } from './useExercise';

const notesKey = (pid: string) => `circle.exercise-notes.${pid}`;

/**
 * What everyone sees of the role-play: its clock, who gives feedback, notes observers chose to share;
 * and for each person with a role, only their own instructions. Observers keep private notes here
 * (in this browser only) with their focus questions as a checklist.
 */
export function BriefPanel({ exercise }: { exercise: Exercise }) {
  const { me, act, nameOf, clockOffset } = useRoomContext();
  const myPid = me.pid;
  const { view, notice } = exercise;
  const state = view?.state ?? null;
  const brief = view?.brief ?? null;
  const [now, setNow] = useState(() => Date.now());
  const [notes, setNotes] = useState(() => localStorage.getItem(notesKey(myPid)) ?? '');
  const [checked, setChecked] = useState<string[]>([]);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => localStorage.setItem(notesKey(myPid), notes), [myPid, notes]);
  if (!state || (state.phase === 'setup' && !brief)) return null;

  const left = Math.max(0, state.durationMs - exerciseUsedMs(state, now + clockOffset));
  const mm = `${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, '0')}`;
  const observer = brief?.role === 'observer';
  const canShare = observer && (state.phase === 'timeout' || state.phase === 'ended');

  return (
    <section className="panel exercise" aria-labelledby="brief-heading">
      <h2 id="brief-heading">{view?.scenarioTitle ?? 'Role-play'}</h2>
      {notice && <p role="status">{notice}</p>}
      {state.phase === 'running' && (
        <p className={left < 120_000 ? 'warning' : ''}>Time left in the exercise: {mm}</p>
      )}
      {state.phase === 'timeout' && (
        <p className="status-text" role="status">
          TIME OUT.{' '}
          {state.feedback?.current
            ? state.feedback.current === myPid
              ? 'You have the word for your feedback.'
              : `${nameOf(state.feedback.current)} is giving feedback.`
            : 'Feedback is over.'}
        </p>
      )}
      {brief && (
        <div aria-label="Your instructions" role="region">
          <p>
            <strong>Your role: {brief.role}</strong>
          </p>
          <p>{brief.setup}</p>
          <p>{brief.instructions}</p>
        </div>
      )}
      {observer && (
        <fieldset>
          <legend>Your notes (private until you share them)</legend>
          {brief!.focus.map((q) => (
            <div className="check" key={q}>
              <input
                id={`focus-${q}`}
                type="checkbox"
                checked={checked.includes(q)}
                onChange={(e) =>
                  setChecked(e.target.checked ? [...checked, q] : checked.filter((c) => c !== q))
                }
              />
              <label htmlFor={`focus-${q}`}>{q}</label>
            </div>
          ))}
          <label htmlFor="observer-notes">Notes</label>
          <textarea id="observer-notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} />
          {canShare && (
            <button type="button" onClick={() => void act('exercise:shareNotes', { text: notes, checked })}>
              Share my notes with the group
            </button>
          )}
        </fieldset>
      )}
      {state.sharedNotes.length > 0 && (
        <ul className="plain" aria-label="Shared notes">
          {state.sharedNotes.map((n) => (
            <li key={n.pid}>
              <strong>{nameOf(n.pid)}:</strong> {n.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
