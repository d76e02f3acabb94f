import { useState } from 'react';
import { mayPublishInExercise } from '@circle/shared';
import type { InviteInfo, ParticipantView } from '@circle/shared';
import { useRoom } from './useRoom';
import type { JoinParams, Room } from './useRoom';
import { RoomProvider, useRoomContext } from './RoomContext';
import { Notices } from './Notices';
import { AddDevice } from './AddDevice';
import { ControlBar } from './ControlBar';
import { MoreMenu } from './MoreMenu';
import { StatusStrip } from './StatusStrip';
import { useNarrow } from './useNarrow';
import { Circle } from '../floor/Circle';
import { Queue } from '../floor/Queue';
import { TurnTimer } from '../floor/TurnTimer';
import { ROLE_LABELS } from '../labels';
import { useMedia, type Media } from '../media/useMedia';
import { BoardPanel } from '../board/BoardPanel';
import { Spotlight } from '../board/Spotlight';
import { useBoards } from '../board/useBoards';
import { useExercise } from '../exercise/useExercise';
import { BriefPanel } from '../exercise/BriefPanel';
import { MediaControls } from '../media/MediaControls';
import { HolderStage, RemoteAudio, SeatMedia } from '../media/RemoteMedia';
import { LeaveButton } from '../care/LeaveButton';
import { MemberTools } from '../care/MemberTools';
import { useChat } from '../chat/useChat';
import { ClosedScreen } from '../meeting/ClosedScreen';
import { MeetingClock } from '../meeting/MeetingClock';
import { OpeningWords } from '../meeting/OpeningWords';
import { FacilitatorConsole } from '../moderation/FacilitatorConsole';
import { SupportAlert, supportAlertText } from '../moderation/NeedsAttention';
import { NudgeNotices } from '../moderation/NudgeNotices';
import { useNudges } from '../moderation/useNudges';
import { useFacilitatorView } from '../moderation/useFacilitatorView';

interface Props {
  invite: InviteInfo;
  params: JoinParams;
  /** Back to the join form (after leaving, or when joining failed). */
  onExit: () => void;
}

export function RoomPage({ invite, params, onExit }: Props) {
  const room = useRoom(params);
  const { phase, me, view } = room;
  const media = useMedia(room, me);

  if (phase === 'failed') {
    return (
      <main className="page narrow">
        <h1>{invite.groupName}</h1>
        <p role="alert">{room.error ?? 'Could not join the room.'}</p>
        <button type="button" onClick={onExit}>
          Back
        </button>
      </main>
    );
  }

  if (phase === 'closed') {
    return (
      <ClosedScreen
        invite={invite}
        reason={room.closedReason ?? 'left'}
        closed={room.closedInfo}
        supportContacts={view?.meeting.supportContacts ?? ''}
        role={me?.role ?? null}
        token={params.token}
        onExit={onExit}
      />
    );
  }

  if (!me || phase === 'connecting') {
    return (
      <main className="page narrow">
        <h1>{invite.groupName}</h1>
        <p role="status">{room.error ?? 'Connecting…'}</p>
      </main>
    );
  }

  if (phase === 'waiting') {
    return (
      <main className="page narrow">
        <h1>{invite.groupName}</h1>
        <ConnectionBanner connected={room.connected} />
        <p className="waiting" role="status">
          Waiting for a facilitator to let you in
        </p>
        {room.lobbyMessage !== null && (
          <p className="notice nudge">
            A facilitator asked you to wait in the lobby for now
            {room.lobbyMessage ? `: ${room.lobbyMessage}` : '.'}
          </p>
        )}
        <p className="hint">
          You will enter the room as soon as someone admits you. You can keep this page open.
        </p>
        <YouActions room={room} supportContacts="" />
      </main>
    );
  }

  if (!view) {
    return (
      <main className="page narrow">
        <h1>{invite.groupName}</h1>
        <p role="status">Entering the room…</p>
      </main>
    );
  }

  return (
    <RoomProvider room={room} me={me} view={view} invite={invite} token={params.token}>
      <RoomScreen media={media} />
    </RoomProvider>
  );
}

function RoomScreen({ media }: { media: Media }) {
  const { room, me, view, facilitator, nameOf } = useRoomContext();
  const chat = useChat();
  const boards = useBoards();
  const exercise = useExercise();
  const shared = useFacilitatorView();
  const nudges = useNudges();
  const { floor } = view;
  // During a role-play its observers sit outside the circle.
  const play = exercise.view?.state;
  const outsideCircle = new Set(
    play && (play.phase === 'running' || play.phase === 'timeout')
      ? Object.keys(play.roles).filter((p) => play.roles[p] === 'observer')
      : [],
  );
  const outside = view.participants.filter((p) => !floor.seats.includes(p.pid) || outsideCircle.has(p.pid));
  const myName = view.participants.find((p) => p.pid === me.pid)?.name ?? 'You';
  const alert = facilitator ? supportAlertText(shared, nameOf) : '';
  const narrow = useNarrow();
  const [consoleOpen, setConsoleOpen] = useState(false);
  const drawer = {
    narrow,
    open: consoleOpen,
    close: () => setConsoleOpen(false),
    show: () => setConsoleOpen(true),
  };
  const waiting = shared.support.length + room.lobby.length;

  return (
    <div className={`room${facilitator ? ' with-console' : ''}`}>
      <a className="skip-link" href="#meeting-controls">
        Skip to the controls
      </a>
      <header className="room-header">
        <h1>{view.groupName}</h1>
        <p className="muted">
          {myName} · {ROLE_LABELS[me.role]} · {floor.seats.length} of {view.capacity} seats
        </p>
        <MeetingClock />
      </header>
      <StatusStrip alert={alert ? `⚑ ${alert}` : undefined} />
      <SupportAlert text={alert} onShow={narrow ? () => setConsoleOpen(true) : undefined} />
      <ConnectionBanner connected={room.connected} />
      <Notices chat={chat} media={media} nudges={nudges.nudges} />
      {room.actionError && (
        <div className="error" role="alert">
          {room.actionError}{' '}
          <button type="button" className="link-button" onClick={room.dismissActionError}>
            Dismiss
          </button>
        </div>
      )}
      <NudgeNotices nudges={nudges} />
      <OpeningWords />

      <div className="room-body">
        <main className="room-main">
          <Spotlight boards={boards} />
          {floor.round && (
            <p className="round-status">
              A go-around is in progress ({floor.round.order.filter((p) => floor.round?.marks[p]).length} of{' '}
              {floor.round.order.length} done).
            </p>
          )}
          <Circle
            speaking={media.speaking}
            decorate={(pid, name) => <SeatMedia media={media} pid={pid} name={name} isMe={pid === me.pid} />}
            hidden={outsideCircle}
            support={new Set(shared.support.map((s) => s.pid))}
            held={new Set(media.view?.held ?? [])}
          >
            <HolderStage media={media} />
            <TurnTimer />
          </Circle>
          <MediaControls media={media} role={me.role} />
          <BriefPanel exercise={exercise} />
          <RemoteAudio media={media} />
          {!facilitator && <Queue />}
          <MemberTools chat={chat} />
          <BoardPanel boards={boards} />
          {outside.length > 0 && <OutsideList outside={outside} myPid={me.pid} observers={outsideCircle} />}
          <section className="panel" aria-label="Your other devices" id="other-devices">
            <AddDevice />
          </section>
        </main>
        {facilitator && (
          <FacilitatorConsole drawer={drawer} shared={shared} chat={chat} media={media} exercise={exercise} />
        )}
      </div>
      <ControlBar
        media={media}
        chat={chat}
        outside={outsideCircle.has(me.pid)}
        silenced={!!play && !mayPublishInExercise(play, me.pid)}
        console={
          facilitator && narrow
            ? { open: consoleOpen, waiting, toggle: () => setConsoleOpen(!consoleOpen) }
            : null
        }
      />
    </div>
  );
}

interface OutsideProps {
  outside: ParticipantView[];
  myPid: string;
  /** A role-play's observers, marked so. */
  observers: Set<string>;
}

function OutsideList({ outside, myPid, observers }: OutsideProps) {
  return (
    <section className="panel" aria-labelledby="outside-heading">
      <h2 id="outside-heading">Listening outside the circle</h2>
      <ul className="plain" aria-label="Observers">
        {outside.map((p) => (
          <li key={p.pid}>
            {observers.has(p.pid) && <span aria-hidden="true">👁 </span>}
            {p.name}
            {p.pid === myPid && ' (you)'} <span className="muted">· {ROLE_LABELS[p.role]}</span>
            {observers.has(p.pid) && <span className="muted"> · exercise observer</span>}
            {!p.online && <span className="muted"> · offline</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConnectionBanner({ connected }: { connected: boolean }) {
  if (connected) return null;
  return (
    <p className="banner" role="status">
      Connection lost. Reconnecting… Your place is kept for two minutes.
    </p>
  );
}

/** In the lobby: leaving, and erasing one's identity (the room itself has them in its control bar). */
function YouActions({ room, supportContacts }: { room: Room; supportContacts: string }) {
  return (
    <div className="button-row you-actions">
      <LeaveButton onLeave={() => void room.leave()} supportContacts={supportContacts} />
      <MoreMenu onErase={() => void room.erase()} />
    </div>
  );
}
