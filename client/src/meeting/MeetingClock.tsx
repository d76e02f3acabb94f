import { useEffect, useState } from 'react';
import { clockLeftMs } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { minutes } from './format';

/** Time left in the meeting, for everyone; it stands still while the meeting is paused. */
export function MeetingClock() {
  const { view, clockOffset } = useRoomContext();
  const { meeting } = view;
  const [now, setNow] = useState(() => Date.now());
  const running = meeting.phase === 'open' && !meeting.paused;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [running]);

  if (meeting.phase === 'gathering') {
    return (
      <p className="meeting-clock muted" role="status">
        The meeting has not been opened yet.
        {meeting.paused && ' Paused.'}
      </p>
    );
  }
  const left = clockLeftMs(meeting.clock, meeting.durationMs, now + clockOffset);
  return (
    <p className="meeting-clock">
      <span role="timer" aria-label="Meeting time left">
        {left >= 0 ? `${minutes(left)} left` : `${minutes(-left)} over time`}
      </span>
      {meeting.paused && <span className="badge presence"> The meeting is paused</span>}
      {meeting.locked && <span className="badge presence"> Locked</span>}
    </p>
  );
}
