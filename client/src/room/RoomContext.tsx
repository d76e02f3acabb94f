import { createContext, useContext } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { ReactNode } from 'react';
import type { InviteInfo, JoinResult, RoomView } from '@circle/shared';
import type { Room } from './useRoom';
import type { RoomE2ee } from '../e2ee/useE2ee';

/** What every part of an admitted room screen shares: who this person is, the snapshot, and how to act. */
export interface RoomContextValue {
  room: Room;
  me: JoinResult;
  view: RoomView;
  invite: InviteInfo;
  /** This person's invitation token (the attendance export asks for it). */
  token: string;
  act: Room['act'];
  /** Server time minus local time, so clocks match the server's. */
  clockOffset: number;
  facilitator: boolean;
  /** A participant's shown name; "Someone" once they are gone. */
  nameOf: (pid: string) => string;
  /** Whether this pid is in the room's snapshot. */
  known: (pid: string) => boolean;
  /** End-to-end encryption: the media keys, pair keys for private words, the verification code. */
  e2ee: RoomE2ee;
}

const m = defineMessages({
  someone: {
    id: 'room.RoomContext.someone',
    defaultMessage: 'Someone',
    description: 'Stands for the name of a person who has left',
  },
});

const RoomContext = createContext<RoomContextValue | null>(null);

interface ProviderProps {
  room: Room;
  me: JoinResult;
  view: RoomView;
  invite: InviteInfo;
  token: string;
  e2ee: RoomE2ee;
  children: ReactNode;
}

/** Provided once by the room page, only while this person is admitted and a snapshot is there. */
export function RoomProvider({ room, me, view, invite, token, e2ee, children }: ProviderProps) {
  const intl = useIntl();
  // Rebuilt on each render of the page: `room` itself is a new object whenever anything in it changes.
  const names = new Map(view.participants.map((p) => [p.pid, p.name]));
  const value: RoomContextValue = {
    room,
    me,
    view,
    invite,
    token,
    act: room.act,
    clockOffset: room.clockOffset,
    facilitator: me.role === 'facilitator',
    nameOf: (pid) => names.get(pid) ?? intl.formatMessage(m.someone),
    known: (pid) => names.has(pid),
    e2ee,
  };
  return <RoomContext.Provider value={value}>{children}</RoomContext.Provider>;
}

export function useRoomContext(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoomContext outside a RoomProvider');
  return value;
}
