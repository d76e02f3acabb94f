import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { mayPublishInExercise } from '@circle/shared';
import type { InviteInfo, ParticipantView } from '@circle/shared';
import { useRoom } from './useRoom';
import type { JoinParams, Room } from './useRoom';
import { RoomProvider, useRoomContext } from './RoomContext';
import { useOwnLanguagePicker } from '../i18n/LanguagePicker';
import { Notices } from './Notices';
import { AddDevice } from './AddDevice';
import { ControlBar } from './ControlBar';
import { MoreMenu } from './MoreMenu';
import { StatusStrip } from './StatusStrip';
import { useNarrow } from './useNarrow';
import { Circle } from '../floor/Circle';
import { Queue } from '../floor/Queue';
import { Listeners } from '../floor/Listeners';
import { TurnTimer } from '../floor/TurnTimer';
import { ROLE_LABELS } from '../labels';
import { useMedia, type Media } from '../media/useMedia';
import { useE2ee } from '../e2ee/useE2ee';
import { usePairKey, useSidePartner } from '../e2ee/sidePair';
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
import { AskForProof } from '../attendance/AskForProof';
import { Announcements } from '../celebrate/Announcements';
import { TellMilestone } from '../celebrate/TellMilestone';
import { LobbyWaiting } from '../lobby/LobbyWaiting';
import { BuddyInvite } from '../buddy/BuddyInviteInRoom';
import { CompanionNote } from '../buddy/CompanionNote';
import { Newcomers } from '../buddy/Newcomers';
import { MeetingClock } from '../meeting/MeetingClock';
import { OpeningWords } from '../meeting/OpeningWords';
import { CurrentPart } from '../format/CurrentPart';
import { TimekeeperTools, TimeSignalNotice } from '../format/TimekeeperTools';
import { FacilitatorConsole } from '../moderation/FacilitatorConsole';
import { SupportAlert, supportAlertText } from '../moderation/NeedsAttention';
import { NudgeNotices } from '../moderation/NudgeNotices';
import { useNudges } from '../moderation/useNudges';
import { useFacilitatorView } from '../moderation/useFacilitatorView';

const m = defineMessages({
  couldNotJoin: { id: 'room.RoomPage.couldNotJoin', defaultMessage: 'Could not join the room.' },
  back: { id: 'room.RoomPage.back', defaultMessage: 'Back' },
  connecting: { id: 'room.RoomPage.connecting', defaultMessage: 'Connecting…' },
  entering: { id: 'room.RoomPage.entering', defaultMessage: 'Entering the room…' },
  you: {
    id: 'room.RoomPage.you',
    defaultMessage: 'You',
    description: 'Stands for your name when it is unknown',
  },
  skipToControls: { id: 'room.RoomPage.skipToControls', defaultMessage: 'Skip to the controls' },
  seats: {
    id: 'room.RoomPage.seats',
    defaultMessage: '{seated} of {capacity} seats',
    description: 'How many seats of the circle are taken',
  },
  dismiss: { id: 'room.RoomPage.dismiss', defaultMessage: 'Dismiss' },
  roundStatus: {
    id: 'room.RoomPage.roundStatus',
    defaultMessage: 'A go-around is in progress ({done} of {total} done).',
    description: 'A go-around: everyone speaks in turn, in seat order',
  },
  otherDevices: { id: 'room.RoomPage.otherDevices', defaultMessage: 'Your other devices' },
  outsideHeading: { id: 'room.RoomPage.outsideHeading', defaultMessage: 'Listening outside the circle' },
  observers: { id: 'room.RoomPage.observers', defaultMessage: 'Observers' },
  youMark: {
    id: 'room.RoomPage.youMark',
    defaultMessage: '(you)',
    description: 'After your own name in a list',
  },
  exerciseObserver: {
    id: 'room.RoomPage.exerciseObserver',
    defaultMessage: 'exercise observer',
    description: 'Someone who watches a role-play exercise without taking part',
  },
  offline: { id: 'room.RoomPage.offline', defaultMessage: 'offline' },
  connectionLost: {
    id: 'room.RoomPage.connectionLost',
    defaultMessage: 'Connection lost. Reconnecting… Your place is kept for two minutes.',
  },
});

interface Props {
  invite: InviteInfo;
  params: JoinParams;
  /** Back to the join form (after leaving, or when joining failed). */
  onExit: () => void;
}

export function RoomPage({ invite, params, onExit }: Props) {
  const intl = useIntl();
  const room = useRoom(params);
  const { phase, me, view } = room;
  const e2ee = useE2ee(room, invite);
  // In a side room the pair's media is sealed with their own key (the partner is known inside the room).
  const [sidePartner, setSidePartner] = useState<string | null>(null);
  const pair = usePairKey(e2ee, sidePartner, e2ee.verification?.epoch);
  // A browser that cannot encrypt the group's media starts none (the server would refuse it anyway).
  const media = useMedia(room, e2ee.mediaBlocked ? null : me, e2ee.enabled ? e2ee.keys : null, pair);

  if (phase === 'failed') {
    return (
      <main className="page narrow">
        <h1>{invite.groupName}</h1>
        <p role="alert">{room.error ?? intl.formatMessage(m.couldNotJoin)}</p>
        <button type="button" onClick={onExit}>
          {intl.formatMessage(m.back)}
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
        <p role="status">{room.error ?? intl.formatMessage(m.connecting)}</p>
      </main>
    );
  }

  if (phase === 'waiting') {
    return (
      <LobbyWaiting
        groupName={invite.groupName}
        note={room.lobbyMessage}
        banner={
          <>
            <ConnectionBanner connected={room.connected} />
            <CompanionNote companion={room.companion} />
          </>
        }
      >
        <YouActions room={room} supportContacts="" />
      </LobbyWaiting>
    );
  }

  if (!view) {
    return (
      <main className="page narrow">
        <h1>{invite.groupName}</h1>
        <p role="status">{intl.formatMessage(m.entering)}</p>
      </main>
    );
  }

  return (
    <RoomProvider room={room} me={me} view={view} invite={invite} token={params.token} e2ee={e2ee}>
      <RoomScreen media={media} onSidePartner={setSidePartner} />
    </RoomProvider>
  );
}

function RoomScreen({ media, onSidePartner }: { media: Media; onSidePartner: (pid: string | null) => void }) {
  const intl = useIntl();
  // The Language picker sits in the More menu here: a line above the room would cost a phone its one screen.
  useOwnLanguagePicker();
  const { room, me, view, facilitator, nameOf } = useRoomContext();
  const chat = useChat();
  useSidePartner(chat.sideRoom, onSidePartner);
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
  // Listeners have their own searchable list (there may be hundreds); this one is for observers.
  const outside = view.participants.filter(
    (p) => !p.listener && (!floor.seats.includes(p.pid) || outsideCircle.has(p.pid)),
  );
  const myName = view.participants.find((p) => p.pid === me.pid)?.name ?? intl.formatMessage(m.you);
  const alert = facilitator ? supportAlertText(shared, nameOf, intl) : '';
  const narrow = useNarrow();
  const [consoleOpen, setConsoleOpen] = useState(false);
  // The drawer exists only on a narrow screen: one left open there (or opened by a tap while the window was
  // still narrowing back) does not cover the circle the next time the window narrows.
  useEffect(() => {
    if (!narrow) setConsoleOpen(false);
  }, [narrow]);
  const drawer = {
    narrow,
    open: consoleOpen,
    close: () => setConsoleOpen(false),
    show: () => setConsoleOpen(true),
  };
  const waiting = shared.support.length + room.lobby.length + shared.proofAsks.length;

  return (
    <div className={`room${facilitator ? ' with-console' : ''}`}>
      <a className="skip-link" href="#meeting-controls">
        {intl.formatMessage(m.skipToControls)}
      </a>
      <header className="room-header">
        <h1>{view.groupName}</h1>
        <p className="muted">
          {myName} · {intl.formatMessage(ROLE_LABELS[me.role])} ·{' '}
          {intl.formatMessage(m.seats, { seated: floor.seats.length, capacity: view.capacity })}
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
            {intl.formatMessage(m.dismiss)}
          </button>
        </div>
      )}
      <NudgeNotices nudges={nudges} />
      <Announcements />
      <TimeSignalNotice />
      <OpeningWords />

      <div className="room-body">
        <main className="room-main">
          <CurrentPart />
          <TimekeeperTools />
          <Spotlight boards={boards} />
          {floor.round && (
            <p className="round-status">
              {intl.formatMessage(m.roundStatus, {
                done: floor.round.order.filter((p) => floor.round?.marks[p]).length,
                total: floor.round.order.length,
              })}
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
          <Listeners />
          <MemberTools chat={chat} />
          <AskForProof />
          <TellMilestone />
          <Newcomers />
          <BuddyInvite />
          <BoardPanel boards={boards} />
          {outside.length > 0 && <OutsideList outside={outside} myPid={me.pid} observers={outsideCircle} />}
          <section className="panel" aria-label={intl.formatMessage(m.otherDevices)} id="other-devices">
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
  const intl = useIntl();
  return (
    <section className="panel" aria-labelledby="outside-heading">
      <h2 id="outside-heading">{intl.formatMessage(m.outsideHeading)}</h2>
      <ul className="plain" aria-label={intl.formatMessage(m.observers)}>
        {outside.map((p) => (
          <li key={p.pid}>
            {observers.has(p.pid) && <span aria-hidden="true">👁 </span>}
            {p.name}
            {p.pid === myPid && ` ${intl.formatMessage(m.youMark)}`}{' '}
            <span className="muted">· {intl.formatMessage(ROLE_LABELS[p.role])}</span>
            {observers.has(p.pid) && (
              <span className="muted"> · {intl.formatMessage(m.exerciseObserver)}</span>
            )}
            {!p.online && <span className="muted"> · {intl.formatMessage(m.offline)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConnectionBanner({ connected }: { connected: boolean }) {
  const intl = useIntl();
  if (connected) return null;
  return (
    <p className="banner" role="status">
      {intl.formatMessage(m.connectionLost)}
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
