import { ChatPanel } from '../chat/ChatPanel';
import { PrivateThread } from '../chat/PrivateThread';
import type { Chat } from '../chat/useChat';
import { useRoomContext } from '../room/RoomContext';
import { CareControls } from './CareControls';

/** Below the circle, for everyone: taking care of oneself, the private word (members), the group chat. */
export function MemberTools({ chat }: { chat: Chat }) {
  const { me } = useRoomContext();
  return (
    <>
      <CareControls chat={chat} />
      {me.role === 'member' && (
        <section className="panel" aria-labelledby="private-heading">
          <h2 id="private-heading">Private word with the facilitators</h2>
          <PrivateThread
            member={me.pid}
            whispers={chat.whispers}
            label="Write privately to the facilitators"
          />
        </section>
      )}
      <ChatPanel messages={chat.messages} />
    </>
  );
}
