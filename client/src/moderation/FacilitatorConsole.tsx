import { useState } from 'react';
import type { FacilitatorView } from '@circle/shared';
import type { Chat } from '../chat/useChat';
import type { Exercise } from '../exercise/useExercise';
import { ExercisePanel } from '../exercise/ExercisePanel';
import { FairnessPanel } from '../fairness/FairnessPanel';
import { useFairness } from '../fairness/useFairness';
import { FacilitatorPanel } from '../floor/FacilitatorPanel';
import { Queue } from '../floor/Queue';
import { LobbyPanel } from '../lobby/LobbyPanel';
import { FacilitatorMedia } from '../media/FacilitatorMedia';
import type { Media } from '../media/useMedia';
import { GroupSettingsPanel } from '../meeting/GroupSettingsPanel';
import { MeetingControls } from '../meeting/MeetingControls';
import { OpenMeeting } from '../meeting/OpenMeeting';
import { useRoomContext } from '../room/RoomContext';
import { ActionLog } from './ActionLog';
import { ModerationPanel } from './ModerationPanel';
import { NeedsAttention } from './NeedsAttention';
import { SupportPanel } from './SupportPanel';

const SECTIONS = [
  { id: 'console-floor', label: 'Floor' },
  { id: 'console-people', label: 'People' },
  { id: 'console-meeting', label: 'Meeting' },
  { id: 'console-tools', label: 'Tools' },
] as const;

interface Props {
  /** On a tablet or a phone the console is a drawer (a sheet on a phone): shown only when open. */
  drawer: { narrow: boolean; open: boolean; close: () => void };
  shared: FacilitatorView;
  chat: Chat;
  media: Media;
  exercise: Exercise;
}

/**
 * The facilitators' console (a rail beside the circle, below it on small screens): first what to do now
 * (open the meeting, whoever needs attention), then the floor, the people, the meeting and the tools.
 * Every section stays on the page, so nothing a facilitator looks for is hidden behind a closed tab.
 */
export function FacilitatorConsole({ drawer, shared, chat, media, exercise }: Props) {
  const { room, view, invite, me } = useRoomContext();
  const fairness = useFairness();
  const [picked, setPicked] = useState('');

  function answer(pid: string) {
    setPicked(pid);
    // The thread renders with the choice; focus its field on the next frame.
    requestAnimationFrame(() => document.getElementById(`private-${pid}`)?.focus());
  }

  return (
    <aside
      id="facilitators-console"
      className={`console${drawer.narrow ? ` drawer${drawer.open ? ' open' : ''}` : ''}`}
      aria-label="Facilitators’ console"
      // A closed drawer is off screen: out of the tab order and of what screen readers browse.
      inert={drawer.narrow && !drawer.open}
    >
      {drawer.narrow && (
        <button type="button" className="drawer-close" onClick={drawer.close}>
          Close the console
        </button>
      )}
      <OpenMeeting />
      <NeedsAttention shared={shared} whispers={chat.whispers} onAnswer={answer} />
      <nav className="console-nav" aria-label="Console sections">
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`}>
            {s.label}
          </a>
        ))}
      </nav>
      <div id="console-floor" className="console-section">
        <Queue />
        <FacilitatorPanel />
        <FacilitatorMedia media={media} participants={view.participants} />
      </div>
      <div id="console-people" className="console-section">
        {(invite.lobby || room.lobby.length > 0 || view.lobbyCount > 0) && <LobbyPanel />}
        <SupportPanel shared={shared} />
        <ModerationPanel whispers={chat.whispers} picked={picked} setPicked={setPicked} />
      </div>
      <div id="console-meeting" className="console-section">
        <MeetingControls />
        <GroupSettingsPanel />
      </div>
      <div id="console-tools" className="console-section">
        <ExercisePanel exercise={exercise} />
        <FairnessPanel view={fairness} />
        <ActionLog log={shared.log} myPid={me.pid} />
      </div>
    </aside>
  );
}
