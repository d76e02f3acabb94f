import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import {
  JOURNAL_GOAL_PICKS,
  JOURNAL_MOODS,
  LIMITS,
  type JournalEntryInput,
  type JournalGoalPick,
  type JournalMood,
} from '@circle/shared';
import { MOOD_FACES, moodLabel, pickLabel } from './words';

const m = defineMessages({
  howWasIt: {
    id: 'journal.JournalForm.howWasIt',
    defaultMessage: 'How was it? (optional)',
    description: 'Asked of a newcomer at the end of their first meeting',
  },
  took: { id: 'journal.JournalForm.took', defaultMessage: 'What I took from this meeting' },
  goal: { id: 'journal.JournalForm.goal', defaultMessage: 'My goal until next time' },
  picks: { id: 'journal.JournalForm.picks', defaultMessage: 'Quick goals' },
  share: {
    id: 'journal.JournalForm.share',
    defaultMessage: 'Share this entry with the facilitators (never with other members)',
  },
  save: { id: 'journal.JournalForm.save', defaultMessage: 'Save in my journal' },
});

interface Props {
  /** A newcomer's first meeting: the three faces are offered and the entry is kept as "first meeting". */
  firstMeeting: boolean;
  save: (entry: JournalEntryInput) => Promise<boolean>;
}

/** A new entry: free text, quick picks for a goal, and (at a first meeting) how it was. */
export function JournalForm({ firstMeeting, save }: Props) {
  const intl = useIntl();
  const [took, setTook] = useState('');
  const [goal, setGoal] = useState('');
  const [picks, setPicks] = useState<JournalGoalPick[]>([]);
  const [mood, setMood] = useState<JournalMood | null>(null);
  const [shared, setShared] = useState(false);
  const empty = !took.trim() && !goal.trim() && picks.length === 0 && mood === null;
  const toggle = (p: JournalGoalPick) =>
    setPicks((all) => (all.includes(p) ? all.filter((x) => x !== p) : [...all, p]));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const kind = firstMeeting ? 'firstMeeting' : 'meeting';
    if (!(await save({ kind, took, goal, picks, mood, shared }))) return;
    setTook('');
    setGoal('');
    setPicks([]);
    setMood(null);
    setShared(false);
  }

  return (
    <form className="journal-form" onSubmit={(e) => void submit(e)}>
      {firstMeeting && (
        <fieldset>
          <legend>{intl.formatMessage(m.howWasIt)}</legend>
          {JOURNAL_MOODS.map((face) => (
            <button
              key={face}
              type="button"
              className="journal-face"
              aria-pressed={mood === face}
              aria-label={moodLabel(intl, face)}
              title={moodLabel(intl, face)}
              onClick={() => setMood(mood === face ? null : face)}
            >
              <span aria-hidden="true">{MOOD_FACES[face]}</span>
            </button>
          ))}
        </fieldset>
      )}
      <label>
        {intl.formatMessage(m.took)}
        <textarea value={took} maxLength={LIMITS.journalTextMax} onChange={(e) => setTook(e.target.value)} />
      </label>
      <fieldset>
        <legend>{intl.formatMessage(m.picks)}</legend>
        {JOURNAL_GOAL_PICKS.map((p) => (
          <label key={p} className="checkbox">
            <input type="checkbox" checked={picks.includes(p)} onChange={() => toggle(p)} />
            {pickLabel(intl, p)}
          </label>
        ))}
      </fieldset>
      <label>
        {intl.formatMessage(m.goal)}
        <textarea value={goal} maxLength={LIMITS.journalTextMax} onChange={(e) => setGoal(e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
        {intl.formatMessage(m.share)}
      </label>
      <button type="submit" className="primary" disabled={empty}>
        {intl.formatMessage(m.save)}
      </button>
    </form>
  );
}
