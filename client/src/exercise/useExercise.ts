import { useState } from 'react';
import type { ExerciseNotice, ExerciseView } from '@circle/shared';
import { call } from '../socket';
import { useServerState } from '../room/useServerState';

// What the server says happened to the play comes as a code, worded where it is shown (`BriefPanel`).
const CODES = new Set<string>([
  'warning',
  'time-up',
  'time-out',
  'resumed',
  'ended',
] satisfies ExerciseNotice[]);

/** The role-play as this person sees it: the public picture and only their own instructions. */
export function useExercise() {
  const [notice, setNotice] = useState<ExerciseNotice | null>(null);
  const [view, , refresh] = useServerState<ExerciseView | null>(null, {
    fetch: (socket) => call(socket, 'exercise:get', {}),
    on: {
      'exercise:changed': ({ notice: n }, { refetch }) => {
        if (n && CODES.has(n)) setNotice(n as ExerciseNotice);
        refetch();
      },
    },
  });
  return { view, notice, refresh };
}

export type Exercise = ReturnType<typeof useExercise>;
