import { call } from '../socket';
import { CallError } from '../errors';
import { useRoomContext } from '../room/RoomContext';
import { BuddyInviteForm } from './BuddyInvite';

/**
 * In the room: members (and listeners) make a one-time invitation for someone they accompany. Apart from
 * BuddyInvite.tsx, which the join page loads: this needs the socket, and with it Socket.IO's client.
 */
export function BuddyInvite() {
  const { room, me } = useRoomContext();
  if (me.role !== 'member') return null;
  const create = async () => {
    const socket = room.socketRef.current;
    if (!socket) throw new CallError('DISCONNECTED');
    return call(socket, 'buddy:invite', {});
  };
  return <BuddyInviteForm create={create} />;
}
