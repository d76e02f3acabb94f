import { useRef, useState } from 'react';
import { LeaveButton } from '../care/LeaveButton';
import { StepOutButton } from '../care/StepOutButton';
import type { Chat } from '../chat/useChat';
import { Controls } from '../floor/Controls';
import { lowDataItem, MediaButtons, screenShareItems } from '../media/MediaControls';
import type { Media } from '../media/useMedia';
import { MoreMenu } from './MoreMenu';
import { useRoomContext } from './RoomContext';
import { useShortcuts } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useKeptFocus } from './useKeptFocus';

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
    <div ref={bar} className="control-bar" role="region" aria-label="Meeting controls" id="meeting-controls">
      <MediaButtons media={media} role={me.role} silenced={silenced} />
      {!outside && <Controls />}
      <StepOutButton inSideRoom={inSideRoom} />
      <button type="button" className="bar-button" data-slot="chat" onClick={openChat}>
        <span aria-hidden="true" className="bar-icon">
          💬
        </span>
        <span className="bar-label">Chat</span>
        {unread > 0 && <span className="unread">{unread} unread</span>}
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
          <span className="bar-label">Console</span>
          {console.waiting > 0 && <span className="unread">{console.waiting} waiting</span>}
        </button>
      )}
      <MoreMenu
        onErase={() => void room.erase()}
        onShortcuts={() => setShortcuts(true)}
        items={[...screenShareItems(media, me.role), lowDataItem(media)]}
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
