import { defineMessages, useIntl } from 'react-intl';
import type { JournalEntry } from '@circle/shared';
import { MOOD_FACES, moodLabel, pickLabel } from './words';

const m = defineMessages({
  written: { id: 'journal.JournalEntryView.written', defaultMessage: '{when, date, medium}' },
  firstMeeting: {
    id: 'journal.JournalEntryView.firstMeeting',
    defaultMessage: '{when, date, medium}: my first meeting',
  },
  took: { id: 'journal.JournalEntryView.took', defaultMessage: 'What I took from it' },
  goal: { id: 'journal.JournalEntryView.goal', defaultMessage: 'My goal' },
  shared: { id: 'journal.JournalEntryView.shared', defaultMessage: 'Share with the facilitators' },
});

interface Props {
  entry: JournalEntry;
  /** The member's per-entry switch; absent where the entry is only read (the facilitators' list). */
  onShare?: (on: boolean) => void;
}

/** One entry as its author wrote it. */
export function JournalEntryView({ entry, onShare }: Props) {
  const intl = useIntl();
  const heading = entry.kind === 'firstMeeting' ? m.firstMeeting : m.written;
  return (
    <article className="journal-entry">
      <h3>{intl.formatMessage(heading, { when: entry.at })}</h3>
      {entry.mood && (
        <p>
          <span aria-hidden="true">{MOOD_FACES[entry.mood]} </span>
          {moodLabel(intl, entry.mood)}
        </p>
      )}
      {entry.took && (
        <>
          <h4>{intl.formatMessage(m.took)}</h4>
          <p className="journal-text">{entry.took}</p>
        </>
      )}
      {(entry.goal || entry.picks.length > 0) && (
        <>
          <h4>{intl.formatMessage(m.goal)}</h4>
          {entry.picks.length > 0 && (
            <ul>
              {entry.picks.map((p) => (
                <li key={p}>{pickLabel(intl, p)}</li>
              ))}
            </ul>
          )}
          {entry.goal && <p className="journal-text">{entry.goal}</p>}
        </>
      )}
      {onShare && (
        <label className="checkbox">
          <input type="checkbox" checked={entry.shared} onChange={(e) => onShare(e.target.checked)} />
          {intl.formatMessage(m.shared)}
        </label>
      )}
    </article>
  );
}
