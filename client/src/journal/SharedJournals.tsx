import type { SharedJournalEntry } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { useServerState } from '../room/useServerState';
import { call } from '../socket';
import { JournalEntryView } from './JournalEntryView';

const m = defineMessages({
  heading: { id: 'journal.SharedJournals.heading', defaultMessage: 'Journal entries shared with you' },
  none: { id: 'journal.SharedJournals.none', defaultMessage: 'No member has shared a journal entry.' },
  refresh: { id: 'journal.SharedJournals.refresh', defaultMessage: 'Refresh' },
  by: { id: 'journal.SharedJournals.by', defaultMessage: 'From {name}' },
});

/** Facilitators only: the entries members chose to share (the server sends nothing else). */
export function SharedJournals() {
  const intl = useIntl();
  const [entries, , refetch] = useServerState<SharedJournalEntry[]>([], {
    fetch: async (socket) => (await call(socket, 'journal:shared', {})).entries,
  });
  return (
    <section className="panel" aria-labelledby="shared-journals-heading">
      <h2 id="shared-journals-heading">{intl.formatMessage(m.heading)}</h2>
      {entries.length === 0 && <p className="hint">{intl.formatMessage(m.none)}</p>}
      {entries.map((e) => (
        <div key={e.id}>
          <p>{intl.formatMessage(m.by, { name: e.name })}</p>
          <JournalEntryView entry={e} />
        </div>
      ))}
      <button type="button" onClick={refetch}>
        {intl.formatMessage(m.refresh)}
      </button>
    </section>
  );
}
