import { useEffect, useRef } from 'react';
import type { CircleSocket } from '../socket';
import type { Room } from './useRoom';

/**
 * Runs `setup` with the room's connection each time this person is admitted (a join, a reconnect, a
 * re-admission from the lobby), and its cleanup when that ends. Domains use it to follow their own server
 * events and to catch up on what they missed.
 */
export function useAdmittedSocket(room: Room, setup: (socket: CircleSocket) => (() => void) | void) {
  const latest = useRef(setup);
  useEffect(() => {
    latest.current = setup;
  });
  const { socketRef, epoch, phase } = room;
  useEffect(() => {
    const socket = socketRef.current;
    if (!socket || phase !== 'admitted') return;
    return latest.current(socket) ?? undefined;
  }, [socketRef, epoch, phase]);
}
