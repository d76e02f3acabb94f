import { useState } from 'react';
import type { ExerciseView } from '@circle/shared';
import { call } from '../socket';
import { useServerState } from '../room/useServerState';

const NOTICES: Record<string, string> = {
  warning: 'The exercise is nearly over.',
  'time-up': 'Time is up for the exercise.',
  'time-out': 'TIME OUT: the play is frozen for the observers’ feedback.',
  resumed: 'The play goes on.',
  ended: 'The exercise has ended. Debrief: the word goes around the circle.',
};

/** The role-play as this person sees it: the public picture and only their own instructions. */
export function useExercise() {
  const [notice, setNotice] = useState<string | null>(null);
  const [view, , refresh] = useServerState<ExerciseView | null>(null, {
    fetch: (socket) => call(socket, 'exercise:get', {}),
    on: {
      'exercise:changed': ({ notice: n }, { refetch }) => {
        if (n && NOTICES[n]) setNotice(NOTICES[n]);
        refetch();
      },
    },
  });
  return { view, notice, refresh };
}

export type Exercise = ReturnType<typeof useExercise>;
