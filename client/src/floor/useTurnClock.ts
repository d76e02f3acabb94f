import { useEffect, useState } from 'react';
import { WARNING_SHARE, turnUsedMs } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export type TurnClock = null | {
  state: 'ok' | 'warning' | 'time-up';
  /** "1:49 left", "Time is up", or the time used. */ text: string;
};

/** The holder's turn clock, computed locally from the snapshot and refreshed four times a second. */
export function useTurnClock(): TurnClock {
  const { view, clockOffset } = useRoomContext();
  const turn = view.floor.holder;
  const [now, setNow] = useState(() => Date.now());
  const running = turn !== null && turn.runningSince !== null;

  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running, turn]);

  if (!turn) return null;
  const used = turnUsedMs(turn, now + clockOffset);
  const limit = turn.limitMs;
  const timeUp = limit !== null && (turn.timeUp || used >= limit);
  const warning = limit !== null && !timeUp && (turn.warned || used >= limit * WARNING_SHARE);
  const text = timeUp ? 'Time is up' : limit !== null ? `${clock(limit - used)} left` : clock(used);
  return { state: timeUp ? 'time-up' : warning ? 'warning' : 'ok', text };
}
