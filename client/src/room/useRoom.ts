import { useCallback, useEffect, useRef, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import type {
  BuddyCompanion,
  ClientEventName,
  FirstMeetingAudience,
  ClientPayload,
  JoinResult,
  LobbyEntry,
  MeetingClosed,
  NoticeMessage,
  RoomView,
} from '@circle/shared';
import { call, connectErrorCode, createSocket } from '../socket';
import type { CircleSocket } from '../socket';
import { describeCode, describeError, errorCodeOf } from '../errors';
import { staleMessage } from '../floor/FloorMoves';
import { storage } from '../storage';
import { canEncryptMedia } from '../e2ee/keys/capability';
import { afterJoinRefused, reconnectsByItself, RoomSnapshots } from './roomSync';

export interface JoinParams {
  token: string;
  groupId: string;
  name: string;
  declarationVersion: number;
  /** A member's first meeting, and who may know it (the join page's choice). */
  firstMeeting?: FirstMeetingAudience;
}

export type Phase = 'connecting' | 'waiting' | 'admitted' | 'closed' | 'failed';

/** Why this page no longer speaks for anyone in the room. */
export type ClosedReason = 'left' | 'erased' | 'removed' | 'excluded' | 'ended' | 'deleted';

export type ShownNotice = NoticeMessage & { id: number };

/** Words chosen when something happened, said in the language of the moment they are read. */
type Words = { say: (intl: IntlShape) => string };

const m = defineMessages({
  cannotRejoin: { id: 'room.useRoom.cannotRejoin', defaultMessage: 'You cannot rejoin this meeting.' },
  someone: {
    id: 'room.useRoom.someone',
    defaultMessage: 'someone',
    description: 'Stands for a person who has left, inside a sentence',
  },
});

/**
 * The connection to one room: joins on every (re)connect with the same token, name and identity,
 * and keeps the latest server snapshot. All room state comes from the server; nothing is computed here.
 */
export function useRoom(params: JoinParams) {
  const { token, groupId, name, declarationVersion, firstMeeting } = params;
  const socketRef = useRef<CircleSocket | null>(null);
  const [phase, setPhase] = useState<Phase>('connecting');
  const [connected, setConnected] = useState(false);
  const [me, setMe] = useState<JoinResult | null>(null);
  const [view, setView] = useState<RoomView | null>(null);
  /** The snapshot as last received, for wording a refusal in terms of the room as it is now. */
  const latestView = useRef<RoomView | null>(null);
  const [lobby, setLobby] = useState<LobbyEntry[]>([]);
  /** Who one came with (or brought) on a buddy invitation: heard in the lobby too, ahead of the join's answer. */
  const [companion, setCompanion] = useState<BuddyCompanion | null>(null);
  const [notices, setNotices] = useState<ShownNotice[]>([]);
  const [clockOffset, setClockOffset] = useState(0);
  const intl = useIntl();
  const [error, setError] = useState<Words | null>(null);
  const [actionError, setActionError] = useState<Words | null>(null);
  const [closedReason, setClosedReason] = useState<ClosedReason | null>(null);
  /** The closing words and the next date, once a facilitator closed the meeting. */
  const [closedInfo, setClosedInfo] = useState<MeetingClosed | null>(null);
  /** The facilitator's note when this person was sent back to the lobby. */
  const [lobbyMessage, setLobbyMessage] = useState<string | null>(null);
  /** Counts admitted joins: media is set up afresh for each (a reconnect is a new connection). */
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    const socket = createSocket();
    socketRef.current = socket;
    const snapshots = new RoomSnapshots();
    let noticeId = 0;
    let stopped = false;
    const timers = new Set<ReturnType<typeof setTimeout>>();

    const later = (fn: () => void, ms: number) => {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!stopped) fn();
      }, ms);
      timers.add(t);
    };

    const applyView = (v: RoomView) => {
      const shown = snapshots.accept(v, Date.now());
      if (!shown) return;
      setClockOffset(shown.clockOffset);
      latestView.current = shown.view;
      setView(shown.view);
    };

    const close = (reason: ClosedReason) => {
      stopped = true;
      // An erased identity, or a deleted group, leaves nothing worth remembering in this browser.
      if (reason === 'erased' || reason === 'deleted') storage.forget(groupId);
      setClosedReason(reason);
      setPhase('closed');
      socket.disconnect();
    };

    const join = async (withIdentity: boolean): Promise<void> => {
      const identity = withIdentity ? storage.getIdentity(groupId) : null;
      try {
        const res = await call(socket, 'room:join', {
          token,
          name,
          accept: true,
          declarationVersion,
          ...(identity ? { identity } : {}),
          ...(firstMeeting ? { firstMeeting } : {}),
          // Whether this browser can encrypt media: an encrypted group gives none to one that cannot.
          e2ee: canEncryptMedia(),
        });
        if (stopped) return;
        storage.setIdentity(groupId, res.identity);
        setMe(res);
        setError(null);
        setPhase(res.status === 'waiting' ? 'waiting' : 'admitted');
        if (res.status === 'admitted') setEpoch((e) => e + 1);
      } catch (err) {
        if (stopped) return;
        const code = errorCodeOf(err);
        const next = afterJoinRefused(code, !!identity);
        if (next === 'again-fresh') {
          // The remembered identity is unknown (erased elsewhere, or a mistyped personal link): join afresh.
          storage.setIdentity(groupId, null);
          return join(false);
        }
        if (next === 'fatal') {
          stopped = true;
          // Refusals by a facilitator's decision: removed from this meeting (FORBIDDEN), or from the whole
          // group (EXCLUDED, which says so in its own words).
          setError({
            say: (i) => (code === 'FORBIDDEN' ? i.formatMessage(m.cannotRejoin) : describeError(i, err)),
          });
          setPhase('failed');
          socket.disconnect();
        } else if (next === 'later') {
          setError({ say: (i) => describeError(i, err) });
          later(() => {
            if (socket.connected) void join(true);
          }, 3000);
        }
      }
    };

    socket.on('connect', () => {
      setConnected(true);
      void join(true);
    });
    socket.on('disconnect', (reason) => {
      setConnected(false);
      snapshots.disconnected();
      // Unless the room was closed (which stops everything), connect again.
      if (!reconnectsByItself(reason)) later(() => socket.connect(), 2000);
    });
    socket.on('connect_error', (err) => {
      setConnected(false);
      if (connectErrorCode(err) === 'PROTOCOL_MISMATCH') {
        stopped = true;
        setError({ say: (i) => describeCode(i, 'PROTOCOL_MISMATCH') });
        setPhase('failed');
        socket.disconnect();
      }
    });
    socket.on('room:state', applyView);
    const announce = (n: NoticeMessage) => {
      const shown: ShownNotice = { ...n, id: ++noticeId };
      // Kept until newer ones push them out, never on a timer: a screen reader user may be mid-sentence.
      setNotices((prev) => [...prev.slice(-3), shown]);
    };
    socket.on('room:patch', (patch) => {
      const shown = snapshots.patch(patch, Date.now(), (notices) => {
        for (const n of notices) announce({ ...n, at: patch.at });
      });
      if (shown === 'gap') {
        // Something was missed (a patch lost, a node changed): the whole room again, then patches on top.
        call(socket, 'room:snapshot', {}).then(applyView, () => undefined);
        return;
      }
      if (!shown) return;
      setClockOffset(shown.clockOffset);
      latestView.current = shown.view;
      setView(shown.view);
    });
    socket.on('room:admitted', (v) => {
      snapshots.admitted();
      applyView(v);
      setPhase('admitted');
      setLobbyMessage(null);
      setEpoch((e) => e + 1);
    });
    socket.on('moderation:sentToLobby', ({ message }) => {
      snapshots.leftRoom();
      setView(null);
      setLobbyMessage(message);
      setPhase('waiting');
    });
    socket.on('moderation:removed', ({ fromGroup }) => close(fromGroup ? 'excluded' : 'removed'));
    socket.on('meeting:closed', (info) => {
      setClosedInfo(info);
      close(info.reason === 'deleted' ? 'deleted' : 'ended');
    });
    socket.on('room:lobby', (waiting) => setLobby(waiting));
    socket.on('buddy:companion', setCompanion);
    socket.on('room:closed', close);
    socket.on('floor:notice', announce);

    socket.connect();
    return () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      socket.removeAllListeners();
      socket.disconnect();
      if (socketRef.current === socket) socketRef.current = null;
    };
  }, [token, groupId, name, declarationVersion, firstMeeting]);

  /** Sends an action; a refusal is shown as a message rather than thrown. */
  const act = useCallback(async <E extends ClientEventName>(event: E, payload: ClientPayload<E>) => {
    const socket = socketRef.current;
    if (!socket) return false;
    try {
      await call(socket, event, payload);
      setActionError(null);
      return true;
    } catch (err) {
      // The snapshot that moved the word arrived before this refusal (same connection, in order).
      const v = latestView.current;
      setActionError({
        say: (i) => {
          const nameOf = (pid: string) =>
            v?.participants.find((p) => p.pid === pid)?.name ?? i.formatMessage(m.someone);
          return errorCodeOf(err) === 'STALE' ? staleMessage(i, v?.floor, nameOf) : describeError(i, err);
        },
      });
      return false;
    }
  }, []);

  const leave = useCallback(async () => {
    await act('room:leave', {});
    setClosedReason('left');
    setPhase('closed');
    socketRef.current?.disconnect();
  }, [act]);

  const erase = useCallback(async () => {
    const ok = await act('identity:erase', {});
    if (!ok) return;
    storage.forget(groupId);
    setClosedReason('erased');
    setPhase('closed');
    socketRef.current?.disconnect();
  }, [act, groupId]);

  const dismissActionError = useCallback(() => setActionError(null), []);

  return {
    socketRef,
    epoch,
    phase,
    connected,
    me,
    view,
    lobby,
    companion,
    notices,
    clockOffset,
    error: error?.say(intl) ?? null,
    actionError: actionError?.say(intl) ?? null,
    closedReason,
    closedInfo,
    lobbyMessage,
    act,
    leave,
    erase,
    dismissActionError,
  };
}

export type Room = ReturnType<typeof useRoom>;
