import { useCallback, useState } from 'react';
import { useAdmittedSocket } from '../room/useAdmittedSocket';
import type { Room } from '../room/useRoom';

export interface Nudge {
  text: string;
  at: number;
}

/** Gentle notes a facilitator sent this person; they stay until dismissed. */
export function useNudges(room: Room) {
  const [nudges, setNudges] = useState<Nudge[]>([]);
  useAdmittedSocket(room, (socket) => {
    const onNudge = (n: Nudge) => setNudges((prev) => [...prev.slice(-2), n]);
    socket.on('moderation:nudged', onNudge);
    return () => void socket.off('moderation:nudged', onNudge);
  });
  const dismiss = useCallback((at: number) => setNudges((prev) => prev.filter((n) => n.at !== at)), []);
  return { nudges, dismiss };
}
