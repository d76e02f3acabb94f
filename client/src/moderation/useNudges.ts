import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { NudgePreset } from '@circle/shared';
import { useServerState } from '../room/useServerState';
import { nudgeText } from './nudgePresets';

/** A note as it arrived: a preset by code, or a facilitator's own words. */
type Received = { text: string; at: number } | { preset: NudgePreset; at: number };

/** A note as this person reads it: a preset in their language, a facilitator's own words as written. */
export interface Nudge {
  text: string;
  at: number;
}

/** Gentle notes a facilitator sent this person; they stay until dismissed. */
export function useNudges() {
  const intl = useIntl();
  const [received, setReceived] = useServerState<Received[]>([], {
    on: { 'moderation:nudged': (n, { set }) => set((prev) => [...prev.slice(-2), n]) },
  });
  const nudges = useMemo<Nudge[]>(
    () => received.map((n) => ({ at: n.at, text: 'preset' in n ? nudgeText(intl, n.preset) : n.text })),
    [received, intl],
  );
  const dismiss = useCallback(
    (at: number) => setReceived((prev) => prev.filter((n) => n.at !== at)),
    [setReceived],
  );
  return { nudges, dismiss };
}

export type Nudges = ReturnType<typeof useNudges>;
