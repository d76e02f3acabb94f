import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { WARNING_SHARE, turnUsedMs } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  timeUp: { id: 'floor.useTurnClock.timeUp', defaultMessage: 'Time is up' },
  left: {
    id: 'floor.useTurnClock.left',
    defaultMessage: '{time} left',
    description: '{time} is a clock such as 1:49 (minutes:seconds), or the same in words',
  },
  soFar: {
    id: 'floor.useTurnClock.soFar',
    defaultMessage: '{time} so far',
    description: 'A turn without a time limit: how long it has lasted, in words',
  },
});

export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A duration in words, each unit in the language's plural form: "1 minute, 49 seconds", "2 минуты 5 секунд". */
export function spokenDuration(intl: IntlShape, ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const unit = (value: number, unit: 'minute' | 'second') =>
    intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts = [
    ...(minutes > 0 ? [unit(minutes, 'minute')] : []),
    ...(seconds > 0 || minutes === 0 ? [unit(seconds, 'second')] : []),
  ];
  return intl.formatList(parts, { type: 'unit', style: 'long' });
}

export type TurnClock = null | {
  state: 'ok' | 'warning' | 'time-up';
  /** "1:49 left", "Time is up", or the time used (for the eye). */
  text: string;
  /** The same in words, for a screen reader: "1 minute, 49 seconds left". */
  spoken: string;
};

/** The holder's turn clock, computed locally from the snapshot and refreshed four times a second. */
export function useTurnClock(): TurnClock {
  const intl = useIntl();
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
  const state = timeUp ? 'time-up' : warning ? 'warning' : 'ok';
  if (timeUp) {
    const text = intl.formatMessage(m.timeUp);
    return { state, text, spoken: text };
  }
  if (limit !== null) {
    return {
      state,
      text: intl.formatMessage(m.left, { time: clock(limit - used) }),
      spoken: intl.formatMessage(m.left, { time: spokenDuration(intl, limit - used) }),
    };
  }
  return {
    state,
    text: clock(used),
    spoken: intl.formatMessage(m.soFar, { time: spokenDuration(intl, used) }),
  };
}
