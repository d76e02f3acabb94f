import { defineMessages, useIntl } from 'react-intl';
import { LIMITS } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { JournalEntryView } from './JournalEntryView';
import { JournalForm } from './JournalForm';
import { downloadJournal } from './markdown';
import { useJournal } from './useJournal';
import './journal.css';

const m = defineMessages({
  heading: { id: 'journal.JournalPanel.heading', defaultMessage: 'My journal' },
  privacy: {
    id: 'journal.JournalPanel.privacy',
    defaultMessage:
      'Only you can read your journal, unless you share an entry with the facilitators. It is erased with your identity.',
  },
  last: { id: 'journal.JournalPanel.last', defaultMessage: 'Last time' },
  write: { id: 'journal.JournalPanel.write', defaultMessage: 'Write an entry' },
  earlier: {
    id: 'journal.JournalPanel.earlier',
    defaultMessage: '{count, plural, one {# earlier entry} other {# earlier entries}}',
  },
  export: { id: 'journal.JournalPanel.export', defaultMessage: 'Export as Markdown' },
  full: {
    id: 'journal.JournalPanel.full',
    defaultMessage: 'Your journal is full ({max} entries). Export it, then delete old entries to write more.',
  },
  delete: { id: 'journal.JournalPanel.delete', defaultMessage: 'Delete this entry' },
});

/** The member's own journal in the room: their last entry and goal first, a new entry, and the rest. */
export function JournalPanel() {
  const intl = useIntl();
  const { act, invite } = useRoomContext();
  const { entries, refetch } = useJournal(invite.groupId);
  if (!entries) return null;
  const [last, ...earlier] = entries;
  const changed = (ok: boolean) => (refetch(), ok);
  const full = entries.length >= LIMITS.journalEntriesMax;
  return (
    <section className="panel journal" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{intl.formatMessage(m.heading)}</h2>
      <p className="hint">{intl.formatMessage(m.privacy)}</p>
      {last && (
        <section aria-label={intl.formatMessage(m.last)}>
          <JournalEntryView
            entry={last}
            onShare={(on) => void act('journal:share', { id: last.id, on }).then(changed)}
          />
        </section>
      )}
      <details>
        <summary>{intl.formatMessage(m.write)}</summary>
        {full ? (
          <p role="status">{intl.formatMessage(m.full, { max: LIMITS.journalEntriesMax })}</p>
        ) : (
          // No entries yet: this is their first time here, and the newcomer's "How was it?" is offered.
          <JournalForm
            firstMeeting={entries.length === 0}
            save={async (entry) => changed(await act('journal:write', entry))}
          />
        )}
      </details>
      {earlier.length > 0 && (
        <details>
          <summary>{intl.formatMessage(m.earlier, { count: earlier.length })}</summary>
          {earlier.map((e) => (
            <div key={e.id}>
              <JournalEntryView
                entry={e}
                onShare={(on) => void act('journal:share', { id: e.id, on }).then(changed)}
              />
              <button type="button" onClick={() => void act('journal:delete', { id: e.id }).then(changed)}>
                {intl.formatMessage(m.delete)}
              </button>
            </div>
          ))}
        </details>
      )}
      {entries.length > 0 && (
        <button type="button" onClick={() => downloadJournal(intl, invite.groupName, entries)}>
          {intl.formatMessage(m.export)}
        </button>
      )}
    </section>
  );
}
