import { useState } from 'react';
import type { FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LIMITS } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { useSealing, type SealProblem } from '../e2ee/messages/useSealing';
import { SealProblemLine, UnreadWords } from './Unread';
import type { ShownMessage } from './useChat';

const m = defineMessages({
  heading: { id: 'chat.ChatPanel.heading', defaultMessage: 'Group chat' },
  empty: { id: 'chat.ChatPanel.empty', defaultMessage: 'Nothing written yet.' },
  messages: { id: 'chat.ChatPanel.messages', defaultMessage: 'Chat messages' },
  you: { id: 'chat.ChatPanel.you', defaultMessage: 'You', description: 'Author of a message: yourself' },
  deleteFrom: { id: 'chat.ChatPanel.deleteFrom', defaultMessage: 'Delete message from {name}' },
  delete: { id: 'chat.ChatPanel.delete', defaultMessage: 'Delete' },
  off: { id: 'chat.ChatPanel.off', defaultMessage: 'The chat is off.' },
  write: { id: 'chat.ChatPanel.write', defaultMessage: 'Write to the group' },
  send: { id: 'chat.ChatPanel.send', defaultMessage: 'Send' },
  observers: { id: 'chat.ChatPanel.observers', defaultMessage: 'Observers read the chat without writing.' },
  turnOff: { id: 'chat.ChatPanel.turnOff', defaultMessage: 'Turn the chat off' },
  turnOn: { id: 'chat.ChatPanel.turnOn', defaultMessage: 'Turn the chat on' },
});

/**
 * The group chat: seated people write (to share in writing when they would rather not speak), observers
 * read, facilitators switch it off and on and delete a message. Part of the meeting only.
 */
export function ChatPanel({ messages }: { messages: ShownMessage[] }) {
  const intl = useIntl();
  const { view, me, facilitator, act } = useRoomContext();
  const { role, pid: myPid } = me;
  // Listeners (beyond the seats) read the chat like observers: the server refuses what they would send.
  const listener = view.participants.some((p) => p.pid === myPid && p.listener);
  const enabled = view.meeting.chatEnabled;
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<SealProblem | null>(null);
  const sealing = useSealing();

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    const sealed = await sealing.chat(text.trim());
    setProblem('problem' in sealed ? sealed.problem : null);
    if ('payload' in sealed && (await act('chat:send', sealed.payload))) setText('');
  }

  return (
    <section className="panel chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">{intl.formatMessage(m.heading)}</h2>
      {messages.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.empty)}</p>
      ) : (
        <ol className="plain messages" aria-label={intl.formatMessage(m.messages)} aria-live="polite">
          {messages.map((msg) => (
            <li key={msg.id}>
              <strong>{msg.pid === myPid ? intl.formatMessage(m.you) : msg.name}</strong>:{' '}
              {msg.unread ? <UnreadWords why={msg.unread} /> : msg.text}{' '}
              <span className="muted">{intl.formatTime(msg.at, { hour: '2-digit', minute: '2-digit' })}</span>
              {facilitator && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={intl.formatMessage(m.deleteFrom, { name: msg.name })}
                  onClick={() => void act('chat:delete', { id: msg.id })}
                >
                  {intl.formatMessage(m.delete)}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!enabled && <p className="status-text">{intl.formatMessage(m.off)}</p>}
      {enabled && role !== 'observer' && !listener && (
        <form className="inline-form" onSubmit={(e) => void send(e)}>
          <label htmlFor="chat-text">{intl.formatMessage(m.write)}</label>
          <input
            id="chat-text"
            value={text}
            maxLength={LIMITS.chatMax}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={!text.trim()}>
            {intl.formatMessage(m.send)}
          </button>
        </form>
      )}
      <SealProblemLine problem={problem} />
      {role === 'observer' && <p className="hint">{intl.formatMessage(m.observers)}</p>}
      {facilitator && (
        <button type="button" onClick={() => void act('chat:toggle', { on: !enabled })}>
          {intl.formatMessage(enabled ? m.turnOff : m.turnOn)}
        </button>
      )}
    </section>
  );
}
