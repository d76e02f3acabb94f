import { useState } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '@circle/shared';
import { sendAbsence } from '../api';
import { describeError } from '../errors';
import { useIntl } from 'react-intl';

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

  if (status === 'sent')
    return <p role="status">Thank you. The facilitators know you will not come this time.</p>;
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        I can&apos;t come to the next meeting
      </button>
    );
  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-labelledby="absence-heading">
      <h2 id="absence-heading">Let the facilitators know you will not come</h2>
      <label htmlFor="absence-name">Name for the facilitators</label>
      <input
        id="absence-name"
        value={name}
        maxLength={LIMITS.nameMax}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <label htmlFor="absence-note">A note (optional)</label>
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
        Send absence notice
      </button>
    </form>
  );
}
