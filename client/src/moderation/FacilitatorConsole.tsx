import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
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
import { FormatEditor } from '../format/FormatEditor';
import { RolesPicker } from '../format/RolesPicker';
import { SharedJournals } from '../journal/SharedJournals';
import { useRoomContext } from '../room/RoomContext';
import { ActionLog } from './ActionLog';
import { ModerationPanel } from './ModerationPanel';
import { ProofAsks } from '../attendance/ProofAsks';
import { CelebrationList } from '../celebrate/CelebrationList';
import { NeedsAttention } from './NeedsAttention';
import { SupportPanel } from './SupportPanel';
import { useActOn } from './actOn';
import { ConsoleTabs, type ConsoleTab } from './ConsoleTabs';
import './console.css';

const m = defineMessages({
  console: { id: 'moderation.FacilitatorConsole.console', defaultMessage: 'Facilitators’ console' },
  close: { id: 'moderation.FacilitatorConsole.close', defaultMessage: 'Close the console' },
});

interface Props {
  /** On a tablet or a phone the console is a drawer (a sheet on a phone): shown only when open. */
  drawer: { narrow: boolean; open: boolean; close: () => void; show?: () => void };
  shared: FacilitatorView;
  chat: Chat;
  media: Media;
  exercise: Exercise;
}

/**
 * The facilitators' console (a rail beside the circle, a drawer or sheet on small screens): first what to
 * do now (open the meeting, whoever needs attention), always shown; then tabs for the floor, the people,
 * the meeting and the tools, so the console fits a screen instead of being a long document.
 */
export function FacilitatorConsole({ drawer, shared, chat, media, exercise }: Props) {
  const intl = useIntl();
  const { room, view, invite, me } = useRoomContext();
  const fairness = useFairness();
  const [picked, setPicked] = useState('');
  const [tab, setTab] = useState<ConsoleTab>('floor');

  // A tapped seat: the People tab, with that person chosen and the keyboard on the choice.
  useActOn((pid) => {
    setPicked(pid);
    setTab('people');
    // On a tablet or a phone the console is a closed drawer: open it, or the tap would seem to do nothing.
    if (drawer.narrow) drawer.show?.();
    requestAnimationFrame(() => document.getElementById('moderation-person')?.focus());
  });

  function answer(pid: string) {
    setPicked(pid);
    setTab('people');
    // The thread renders with the choice; focus its field on the next frame.
    requestAnimationFrame(() => document.getElementById(`private-${pid}`)?.focus());
  }

  return (
    <aside
      id="facilitators-console"
      className={`console${drawer.narrow ? ` drawer${drawer.open ? ' open' : ''}` : ''}`}
      aria-label={intl.formatMessage(m.console)}
      // A closed drawer is off screen: out of the tab order and of what screen readers browse.
      inert={drawer.narrow && !drawer.open}
    >
      {drawer.narrow && (
        <button type="button" className="drawer-close" onClick={drawer.close}>
          {intl.formatMessage(m.close)}
        </button>
      )}
      <OpenMeeting />
      <NeedsAttention shared={shared} whispers={chat.whispers} onAnswer={answer} />
      <ProofAsks asks={shared.proofAsks} />
      <CelebrationList />
      <ConsoleTabs
        selected={tab}
        select={setTab}
        panels={{
          floor: (
            <>
              <Queue />
              <FacilitatorPanel />
              <FacilitatorMedia media={media} participants={view.participants} />
            </>
          ),
          people: (
            <>
              {(invite.lobby || room.lobby.length > 0 || view.lobbyCount > 0) && <LobbyPanel />}
              <SharedJournals />
              <SupportPanel shared={shared} />
              <ModerationPanel
                whispers={chat.whispers}
                picked={picked}
                setPicked={setPicked}
                microphone={{
                  held: new Set(media.view?.held ?? []),
                  hold: (pid) => media.facilitator.mute(pid),
                  release: (pid) => media.facilitator.release(pid),
                }}
              />
            </>
          ),
          meeting: (
            <>
              <MeetingControls />
              <RolesPicker />
              <FormatEditor />
              <GroupSettingsPanel />
            </>
          ),
          tools: (
            <>
              <ExercisePanel exercise={exercise} />
              <FairnessPanel view={fairness} />
              <ActionLog log={shared.log} myPid={me.pid} />
            </>
          ),
        }}
      />
    </aside>
  );
}
