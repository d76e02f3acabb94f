import type { JoinResult, RoomView } from '@circle/shared';
import { FairnessPanel } from '../fairness/FairnessPanel';
import { useFairness } from '../fairness/useFairness';
import { GroupSettingsPanel } from '../meeting/GroupSettingsPanel';
import { MeetingControls } from '../meeting/MeetingControls';
import type { Chat } from '../chat/useChat';
import type { Room } from '../room/useRoom';
import { ActionLog } from './ActionLog';
import { ModerationPanel } from './ModerationPanel';
import { SupportPanel } from './SupportPanel';
import { useFacilitatorView } from './useFacilitatorView';

interface Props {
  room: Room;
  me: JoinResult;
  view: RoomView;
  chat: Chat;
  /** The facilitator's invitation token (for the attendance export). */
  token: string;
  nameOf: (pid: string) => string;
}

/** Everything facilitation adds to a facilitator's side of the room, in the order it is needed. */
export function FacilitatorTools({ room, me, view, chat, token, nameOf }: Props) {
  const shared = useFacilitatorView(room, true);
  const fairness = useFairness(room);
  return (
    <>
      <MeetingControls meeting={view.meeting} meetingId={view.meetingId} token={token} act={room.act} />
      <SupportPanel
        view={shared}
        canTalkPrivately={(pid) =>
          view.floor.seats.includes(pid) &&
          view.participants.some((p) => p.pid === pid && p.role === 'member')
        }
        myPid={me.pid}
        nameOf={nameOf}
        act={room.act}
      />
      <ModerationPanel
        participants={view.participants}
        floor={view.floor}
        whispers={chat.whispers}
        myPid={me.pid}
        act={room.act}
      />
      <FairnessPanel view={fairness} floor={view.floor} participants={view.participants} nameOf={nameOf} />
      <ActionLog log={shared.log} myPid={me.pid} />
      <GroupSettingsPanel room={room} groupName={view.groupName} />
    </>
  );
}
