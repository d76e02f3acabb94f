import { useState } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '@circle/shared';
import type { Whisper } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

interface Props {
  /** The member this thread is with. */
  member: string;
  whispers: Whisper[];
  label: string;
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** A private word between the facilitators and one member: the thread and a way to answer. */
export function PrivateThread({ member, whispers, label }: Props) {
  // Facilitators write to the member; the member writes to the facilitators.
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
        <ol className="plain messages" aria-label="Private messages">
          {thread.map((w) => (
            <li key={w.id}>
              <strong>{w.from === myPid ? 'You' : w.fromName}</strong>: {w.text}{' '}
              <span className="muted">{time(w.at)}</span>
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
          Send privately
        </button>
      </form>
    </div>
  );
}
