import { useEffect, useState } from 'react';
import { WARNING_SHARE, turnUsedMs } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** The holder's turn clock, computed locally from the snapshot and refreshed four times a second. */
export function TurnTimer() {
  const { view, me, clockOffset, nameOf } = useRoomContext();
  const turn = view.floor.holder;
  // The whole meeting is paused (every clock stands still), rather than the holder being offline.
  const meetingPaused = view.meeting.paused;
  const [now, setNow] = useState(() => Date.now());
  const running = turn !== null && turn.runningSince !== null;

  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running, turn]);

  if (!turn) {
    return (
      <div className="timer idle">
        <span className="timer-who">The word is free</span>
      </div>
    );
  }

  const used = turnUsedMs(turn, now + clockOffset);
  const limit = turn.limitMs;
  const timeUp = limit !== null && (turn.timeUp || used >= limit);
  const warning = limit !== null && !timeUp && (turn.warned || used >= limit * WARNING_SHARE);
  const state = timeUp ? 'time-up' : warning ? 'warning' : 'ok';
  const who = turn.pid === me.pid ? 'You have the word' : `${nameOf(turn.pid)} has the word`;

  return (
    <div className={`timer ${state}`}>
      <span className="timer-who">{who}</span>
      <span role="timer" aria-label="Turn time" className="timer-clock">
        {timeUp ? 'Time is up' : limit !== null ? `${clock(limit - used)} left` : clock(used)}
      </span>
      {turn.runningSince === null && (
        <span className="timer-note">{meetingPaused ? 'The meeting is paused' : 'Paused while offline'}</span>
      )}
      {warning && <span className="timer-note">Time is almost up</span>}
    </div>
  );
}
