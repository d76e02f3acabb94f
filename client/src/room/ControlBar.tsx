import { useRef, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LeaveButton } from '../care/LeaveButton';
import { StepOutButton } from '../care/StepOutButton';
import type { Chat } from '../chat/useChat';
import { Controls } from '../floor/Controls';
import { lowDataItem, MediaButtons, screenShareItems } from '../media/MediaControls';
import type { Media } from '../media/useMedia';
import { MoreMenu } from './MoreMenu';
import { buddyItems } from '../buddy/BuddyInvite';
import { useRoomContext } from './RoomContext';
import { useShortcuts } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useKeptFocus } from './useKeptFocus';

const m = defineMessages({
  controls: { id: 'room.ControlBar.controls', defaultMessage: 'Meeting controls' },
  chat: { id: 'room.ControlBar.chat', defaultMessage: 'Chat' },
  unread: {
    id: 'room.ControlBar.unread',
    defaultMessage: '{count, plural, other {# unread}}',
    description: 'Chat messages not read yet',
  },
  console: {
    id: 'room.ControlBar.console',
    defaultMessage: 'Console',
    description: "Opens the facilitators' console (their tools) on a tablet or phone",
  },
  waiting: {
    id: 'room.ControlBar.waiting',
    defaultMessage: '{count, plural, other {# waiting}}',
    description: 'People waiting for a facilitator: in the lobby, or asking for support',
  },
});

interface Props {
  media: Media;
  chat: Chat;
  /** Whether this person sits outside the ring for now (a role-play's observer): no floor button. */
  outside: boolean;
  /** A role-play keeps this person's microphone silent for now. */
  silenced: boolean;
  /** Facilitators on a tablet or a phone: the button that opens their console, with what waits in it. */
  console: { open: boolean; waiting: number; toggle: () => void } | null;
}

/** Fixed at the bottom of every screen: what a person reaches for during the meeting, nothing more. */
export function ControlBar({ media, chat, outside, silenced, console }: Props) {
  const intl = useIntl();
  const { room, me, view } = useRoomContext();
  const others = chat.messages.filter((m) => m.pid !== me.pid).length;
  const [seen, setSeen] = useState(others);
  const unread = Math.max(0, others - seen);
  const bar = useRef<HTMLDivElement>(null);
  const [shortcuts, setShortcuts] = useState(false);
  useShortcuts(bar, () => setShortcuts(true));
  useKeptFocus(bar, { onEntry: true });
  const inSideRoom = chat.sideRoom !== null && view.floor.presence[me.pid] === 'away';

  function openChat() {
    setSeen(others);
    const field = document.getElementById('chat-text');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  }

  return (
    <div
      ref={bar}
      className="control-bar"
      role="region"
      aria-label={intl.formatMessage(m.controls)}
      id="meeting-controls"
    >
      <MediaButtons media={media} role={me.role} silenced={silenced} />
      {!outside && <Controls />}
      <StepOutButton inSideRoom={inSideRoom} />
      <button type="button" className="bar-button" data-slot="chat" onClick={openChat}>
        <span aria-hidden="true" className="bar-icon">
          💬
        </span>
        <span className="bar-label">{intl.formatMessage(m.chat)}</span>
        {unread > 0 && <span className="unread">{intl.formatMessage(m.unread, { count: unread })}</span>}
      </button>
      {console && (
        <button
          type="button"
          className="bar-button"
          aria-expanded={console.open}
          aria-controls="facilitators-console"
          onClick={console.toggle}
        >
          <span aria-hidden="true" className="bar-icon">
            ☰
          </span>
          <span className="bar-label">{intl.formatMessage(m.console)}</span>
          {console.waiting > 0 && (
            <span className="unread">{intl.formatMessage(m.waiting, { count: console.waiting })}</span>
          )}
        </button>
      )}
      <MoreMenu
        onErase={() => void room.erase()}
        onShortcuts={() => setShortcuts(true)}
        items={[
          ...screenShareItems(intl, media, me.role),
          lowDataItem(intl, media),
          ...buddyItems(intl, me.role),
        ]}
        language
      />
      <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
      <LeaveButton
        className="bar-button"
        onLeave={() => void room.leave()}
        supportContacts={view.meeting.supportContacts}
      />
    </div>
  );
}
