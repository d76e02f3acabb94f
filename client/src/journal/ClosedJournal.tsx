import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { JournalEntryInput } from '@circle/shared';
import { writeJournal } from '../api';
import { describeError } from '../errors';
import { storage } from '../storage';
import { JournalForm } from './JournalForm';
import { journalWasEmpty } from './useJournal';
import './journal.css';

const m = defineMessages({
  heading: { id: 'journal.ClosedJournal.heading', defaultMessage: 'My journal' },
  privacy: {
    id: 'journal.ClosedJournal.privacy',
    defaultMessage: 'Only you will read this, unless you choose to share it with the facilitators.',
  },
  saved: {
    id: 'journal.ClosedJournal.saved',
    defaultMessage: 'Saved in your journal. You will see it in the room next time.',
  },
});

interface Props {
  groupId: string;
  token: string;
  meetingId: string;
}

/** After the meeting: what one took from it and a goal (and a newcomer's "How was it?"), all optional. */
export function ClosedJournal({ groupId, token, meetingId }: Props) {
  const intl = useIntl();
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const identity = storage.getIdentity(groupId);
  const name = storage.getName(groupId);
  // Without the identity this browser holds there is no journal to write in.
  if (!identity || !name) return null;

  async function save(entry: JournalEntryInput) {
    try {
      await writeJournal(token, { identity: identity!, name: name!, meetingId, entry });
      setSaved(true);
      return true;
    } catch (err) {
      setError(describeError(intl, err));
      return false;
    }
  }

  return (
    <section className="journal" aria-labelledby="closed-journal-heading">
      <h2 id="closed-journal-heading">{intl.formatMessage(m.heading)}</h2>
      {saved ? (
        <p role="status">{intl.formatMessage(m.saved)}</p>
      ) : (
        <>
          <p className="hint">{intl.formatMessage(m.privacy)}</p>
          <JournalForm firstMeeting={journalWasEmpty(groupId)} save={save} />
          {error && <p role="alert">{error}</p>}
        </>
      )}
    </section>
  );
}
