import { useCallback } from 'react';
import { useServerState } from '../room/useServerState';

export interface Nudge {
  text: string;
  at: number;
}

/** Gentle notes a facilitator sent this person; they stay until dismissed. */
export function useNudges() {
  const [nudges, setNudges] = useServerState<Nudge[]>([], {
    on: { 'moderation:nudged': (n, { set }) => set((prev) => [...prev.slice(-2), n]) },
  });
  const dismiss = useCallback(
    (at: number) => setNudges((prev) => prev.filter((n) => n.at !== at)),
    [setNudges],
  );
  return { nudges, dismiss };
}

export type Nudges = ReturnType<typeof useNudges>;
