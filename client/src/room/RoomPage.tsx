import type { InviteInfo } from '@circle/shared';
import { useRoom } from './useRoom';
import type { JoinParams, Room } from './useRoom';
import { RoomProvider, useRoomContext } from './RoomContext';
import { Notices } from './Notices';
import { AddDevice } from './AddDevice';
import { Circle } from '../floor/Circle';
import { Controls } from '../floor/Controls';
import { Queue } from '../floor/Queue';
import { TurnTimer } from '../floor/TurnTimer';
import { FacilitatorPanel } from '../floor/FacilitatorPanel';
import { LobbyPanel } from '../lobby/LobbyPanel';
import { ROLE_LABELS } from '../labels';
import { useMedia, type Media } from '../media/useMedia';
import { BoardPanel } from '../board/BoardPanel';
import { Spotlight } from '../board/Spotlight';
import { useBoards } from '../board/useBoards';
import { useExercise } from '../exercise/useExercise';
import { ExercisePanel } from '../exercise/ExercisePanel';
import { BriefPanel } from '../exercise/BriefPanel';
import { MediaControls } from '../media/MediaControls';
import { FacilitatorMedia } from '../media/FacilitatorMedia';
import { RemoteAudio, SeatMedia } from '../media/RemoteMedia';
import { LeaveButton } from '../care/LeaveButton';
import { MemberTools } from '../care/MemberTools';
import { useChat } from '../chat/useChat';
import { ClosedScreen } from '../meeting/ClosedScreen';
import { MeetingClock } from '../meeting/MeetingClock';
import { OpeningWords } from '../meeting/OpeningWords';
import { FacilitatorTools } from '../moderation/FacilitatorTools';
import { NudgeNotices } from '../moderation/NudgeNotices';

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
  const { room, me, view, invite, facilitator } = useRoomContext();
  const chat = useChat();
  const boards = useBoards();
  const exercise = useExercise();
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

  return (
    <div className="room">
      <header className="room-header">
        <div>
          <h1>{view.groupName}</h1>
          <p className="muted">
            {myName} · {ROLE_LABELS[me.role]} · {floor.seats.length} of {view.capacity} seats
          </p>
          <MeetingClock />
        </div>
        <YouActions room={room} supportContacts={view.meeting.supportContacts} />
      </header>
      <ConnectionBanner connected={room.connected} />
      <Notices />
      {room.actionError && (
        <div className="error" role="alert">
          {room.actionError}{' '}
          <button type="button" className="link-button" onClick={room.dismissActionError}>
            Dismiss
          </button>
        </div>
      )}
      <NudgeNotices />
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
          >
            <TurnTimer />
          </Circle>
          {!outsideCircle.has(me.pid) && <Controls />}
          <MediaControls media={media} role={me.role} />
          <BriefPanel exercise={exercise} />
          <RemoteAudio media={media} />
          <MemberTools chat={chat} />
          <BoardPanel boards={boards} />
          {outside.length > 0 && (
            <section className="panel" aria-labelledby="outside-heading">
              <h2 id="outside-heading">Listening outside the circle</h2>
              <ul className="plain" aria-label="Observers">
                {outside.map((p) => (
                  <li key={p.pid}>
                    {p.name}
                    {p.pid === me.pid && ' (you)'} <span className="muted">· {ROLE_LABELS[p.role]}</span>
                    {!p.online && <span className="muted"> · offline</span>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </main>

        <aside className="room-side" aria-label="Room details">
          <Queue />
          {facilitator && (invite.lobby || room.lobby.length > 0 || view.lobbyCount > 0) && <LobbyPanel />}
          {facilitator && <FacilitatorPanel />}
          {facilitator && <FacilitatorMedia media={media} participants={view.participants} />}
          {facilitator && <ExercisePanel exercise={exercise} />}
          {facilitator && <FacilitatorTools chat={chat} />}
          <section className="panel" aria-label="Your other devices">
            <AddDevice />
          </section>
        </aside>
      </div>
    </div>
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

function YouActions({ room, supportContacts }: { room: Room; supportContacts: string }) {
  function erase() {
    const sure = window.confirm(
      'Erase your identity? You will leave the room, and neither this browser nor the server will remember you. ' +
        'Your other devices will no longer be able to join as you.',
    );
    if (sure) void room.erase();
  }
  return (
    <div className="button-row you-actions">
      <LeaveButton onLeave={() => void room.leave()} supportContacts={supportContacts} />
      <button type="button" className="danger" onClick={erase}>
        Erase my identity
      </button>
    </div>
  );
}
