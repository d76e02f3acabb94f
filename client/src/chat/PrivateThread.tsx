import { useState } from 'react';
import type { FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LIMITS } from '@circle/shared';
import type { Whisper } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

interface Props {
  /** The member this thread is with. */
  member: string;
  whispers: Whisper[];
  label: string;
}

const m = defineMessages({
  messages: { id: 'chat.PrivateThread.messages', defaultMessage: 'Private messages' },
  you: { id: 'chat.PrivateThread.you', defaultMessage: 'You', description: 'Author of a message: yourself' },
  send: { id: 'chat.PrivateThread.send', defaultMessage: 'Send privately' },
});

/** A private word between the facilitators and one member: the thread and a way to answer. */
export function PrivateThread({ member, whispers, label }: Props) {
  // Facilitators write to the member; the member writes to the facilitators.
  const intl = useIntl();
  const { me, facilitator, act } = useRoomContext();
  const myPid = me.pid;
  const [text, setText] = useState('');
  const thread = whispers.filter((w) => w.member === member);
  const inputId = `private-${member}`;

  async function send(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    const ok = await act('chat:whisper', facilitator ? { to: member, text: trimmed } : { text: trimmed });
    if (ok) setText('');
  }

  return (
    <div className="private-thread">
      {thread.length > 0 && (
        <ol className="plain messages" aria-label={intl.formatMessage(m.messages)}>
          {thread.map((w) => (
            <li key={w.id}>
              <strong>{w.from === myPid ? intl.formatMessage(m.you) : w.fromName}</strong>: {w.text}{' '}
              <span className="muted">{intl.formatTime(w.at, { hour: '2-digit', minute: '2-digit' })}</span>
            </li>
          ))}
        </ol>
      )}
      <form className="inline-form" onSubmit={(e) => void send(e)}>
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          value={text}
          maxLength={LIMITS.chatMax}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={!text.trim()}>
          {intl.formatMessage(m.send)}
        </button>
      </form>
    </div>
  );
}
