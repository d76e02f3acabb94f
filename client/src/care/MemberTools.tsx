import type { JoinResult, RoomView } from '@circle/shared';
import { ChatPanel } from '../chat/ChatPanel';
import { PrivateThread } from '../chat/PrivateThread';
import type { Chat } from '../chat/useChat';
import type { Room } from '../room/useRoom';
import { CareControls } from './CareControls';

interface Props {
  room: Room;
  me: JoinResult;
  view: RoomView;
  chat: Chat;
  nameOf: (pid: string) => string;
}

/** Below the circle, for everyone: taking care of oneself, the private word (members), the group chat. */
export function MemberTools({ room, me, view, chat, nameOf }: Props) {
  return (
    <>
      <CareControls
        floor={view.floor}
        myPid={me.pid}
        role={me.role}
        sideRoom={chat.sideRoom}
        supportAsked={chat.supportAsked}
        onSupportChange={chat.setSupportAsked}
        nameOf={nameOf}
        act={room.act}
      />
      {me.role === 'member' && (
        <section className="panel" aria-labelledby="private-heading">
          <h2 id="private-heading">Private word with the facilitators</h2>
          <PrivateThread
            member={me.pid}
            whispers={chat.whispers}
            myPid={me.pid}
            facilitator={false}
            label="Write privately to the facilitators"
            act={room.act}
          />
        </section>
      )}
      <ChatPanel
        messages={chat.messages}
        enabled={view.meeting.chatEnabled}
        role={me.role}
        myPid={me.pid}
        act={room.act}
      />
    </>
  );
}
