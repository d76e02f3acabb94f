import { useCallback, useEffect, useState } from 'react';
import type { ExerciseView } from '@circle/shared';
import type { Room } from '../room/useRoom';
import { call } from '../socket';

const NOTICES: Record<string, string> = {
  warning: 'The exercise is nearly over.',
  'time-up': 'Time is up for the exercise.',
  'time-out': 'TIME OUT: the play is frozen for the observers’ feedback.',
  resumed: 'The play goes on.',
  ended: 'The exercise has ended. Debrief: the word goes around the circle.',
};

/** The role-play as this person sees it: the public picture and only their own instructions. */
export function useExercise(room: Room) {
  const [view, setView] = useState<ExerciseView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const socket = room.socketRef.current;
    if (socket) void call(socket, 'exercise:get', {}).then(setView, () => undefined);
  }, [room.socketRef]);

  useEffect(() => {
    const socket = room.socketRef.current;
    if (!socket || room.phase !== 'admitted') return;
    refresh();
    const onChanged = ({ notice: n }: { notice: string | null }) => {
      if (n && NOTICES[n]) setNotice(NOTICES[n]);
      refresh();
    };
    socket.on('exercise:changed', onChanged);
    return () => {
      socket.off('exercise:changed', onChanged);
    };
  }, [room.socketRef, room.phase, room.epoch, refresh]);

  return { view, notice, refresh };
}

export type Exercise = ReturnType<typeof useExercise>;
