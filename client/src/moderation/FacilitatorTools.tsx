import { FairnessPanel } from '../fairness/FairnessPanel';
import { useFairness } from '../fairness/useFairness';
import { GroupSettingsPanel } from '../meeting/GroupSettingsPanel';
import { MeetingControls } from '../meeting/MeetingControls';
import type { Chat } from '../chat/useChat';
import { useRoomContext } from '../room/RoomContext';
import { ActionLog } from './ActionLog';
import { ModerationPanel } from './ModerationPanel';
import { SupportPanel } from './SupportPanel';
import { useFacilitatorView } from './useFacilitatorView';

/** Everything facilitation adds to a facilitator's side of the room, in the order it is needed. */
export function FacilitatorTools({ chat }: { chat: Chat }) {
  const { me } = useRoomContext();
  const shared = useFacilitatorView();
  const fairness = useFairness();
  return (
    <>
      <MeetingControls />
      <SupportPanel shared={shared} />
      <ModerationPanel whispers={chat.whispers} />
      <FairnessPanel view={fairness} />
      <ActionLog log={shared.log} myPid={me.pid} />
      <GroupSettingsPanel />
    </>
  );
}
