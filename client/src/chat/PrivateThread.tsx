import { useState } from 'react';
import type { FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LIMITS } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { useSealing, type SealProblem } from '../e2ee/messages/useSealing';
import { SealProblemLine, UnreadWords } from './Unread';
import type { ShownWhisper } from './useChat';

interface Props {
  /** The member this thread is with. */
  member: string;
  whispers: ShownWhisper[];
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
  const { me, act } = useRoomContext();
  const myPid = me.pid;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<SealProblem | null>(null);
  const sealing = useSealing();
  const thread = whispers.filter((w) => w.member === member);
  const inputId = `private-${member}`;

  async function send(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    const sealed = await sealing.privateWord(member, trimmed);
    setProblem('problem' in sealed ? sealed.problem : null);
    if ('payload' in sealed && (await act('chat:whisper', sealed.payload))) setText('');
  }

  return (
    <div className="private-thread">
      {thread.length > 0 && (
        <ol className="plain messages" aria-label={intl.formatMessage(m.messages)}>
          {thread.map((w) => (
            <li key={w.id}>
              <strong>{w.from === myPid ? intl.formatMessage(m.you) : w.fromName}</strong>:{' '}
              {w.unread ? <UnreadWords why={w.unread} /> : w.text}{' '}
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
      <SealProblemLine problem={problem} />
    </div>
  );
}
