import { useState } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '@circle/shared';
import { sendAbsence } from '../api';
import { describeError } from '../errors';
import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  thanks: {
    id: 'meeting.AbsenceForm.thanks',
    defaultMessage: 'Thank you. The facilitators know you will not come this time.',
  },
  cannotCome: { id: 'meeting.AbsenceForm.cannotCome', defaultMessage: 'I can’t come to the next meeting' },
  heading: {
    id: 'meeting.AbsenceForm.heading',
    defaultMessage: 'Let the facilitators know you will not come',
  },
  name: { id: 'meeting.AbsenceForm.name', defaultMessage: 'Name for the facilitators' },
  note: { id: 'meeting.AbsenceForm.note', defaultMessage: 'A note (optional)' },
  send: { id: 'meeting.AbsenceForm.send', defaultMessage: 'Send absence notice' },
});

/** From the member link, before a meeting: tell the facilitators you will not come. */
export function AbsenceForm({ token, defaultName }: { token: string; defaultName: string }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(defaultName);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setStatus('sending');
    try {
      await sendAbsence(token, { name: name.trim(), note: note.trim() });
      setStatus('sent');
      setError(null);
    } catch (err) {
      setStatus('idle');
      setError(describeError(intl, err));
    }
  }

  if (status === 'sent') return <p role="status">{intl.formatMessage(m.thanks)}</p>;
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {intl.formatMessage(m.cannotCome)}
      </button>
    );
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="absence-heading">
      <h2 id="absence-heading">{intl.formatMessage(m.heading)}</h2>
      <label htmlFor="absence-name">{intl.formatMessage(m.name)}</label>
      <input
        id="absence-name"
        value={name}
        maxLength={LIMITS.nameMax}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <label htmlFor="absence-note">{intl.formatMessage(m.note)}</label>
      <textarea
        id="absence-note"
        rows={2}
        maxLength={LIMITS.noteMax}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={status === 'sending' || !name.trim()}>
        {intl.formatMessage(m.send)}
      </button>
    </form>
  );
}
