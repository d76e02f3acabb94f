import { useState } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '@circle/shared';
import type { ChatMessage } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The group chat: seated people write (to share in writing when they would rather not speak), observers
 * read, facilitators switch it off and on and delete a message. Part of the meeting only.
 */
export function ChatPanel({ messages }: { messages: ChatMessage[] }) {
  const { view, me, facilitator, act } = useRoomContext();
  const { role, pid: myPid } = me;
  const enabled = view.meeting.chatEnabled;
  const [text, setText] = useState('');

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    if (await act('chat:send', { text: text.trim() })) setText('');
  }

  return (
    <section className="panel chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Group chat</h2>
      {messages.length === 0 ? (
        <p className="hint">Nothing written yet.</p>
      ) : (
        <ol className="plain messages" aria-label="Chat messages" aria-live="polite">
          {messages.map((m) => (
            <li key={m.id}>
              <strong>{m.pid === myPid ? 'You' : m.name}</strong>: {m.text}{' '}
              <span className="muted">{time(m.at)}</span>
              {facilitator && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Delete message from ${m.name}`}
                  onClick={() => void act('chat:delete', { id: m.id })}
                >
                  Delete
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!enabled && <p className="status-text">The chat is off.</p>}
      {enabled && role !== 'observer' && (
        <form className="inline-form" onSubmit={(e) => void send(e)}>
          <label htmlFor="chat-text">Write to the group</label>
          <input
            id="chat-text"
            value={text}
            maxLength={LIMITS.chatMax}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={!text.trim()}>
            Send
          </button>
        </form>
      )}
      {role === 'observer' && <p className="hint">Observers read the chat without writing.</p>}
      {facilitator && (
        <button type="button" onClick={() => void act('chat:toggle', { on: !enabled })}>
          {enabled ? 'Turn the chat off' : 'Turn the chat on'}
        </button>
      )}
    </section>
  );
}
