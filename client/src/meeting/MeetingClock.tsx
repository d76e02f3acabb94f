import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { clockLeftMs } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  notOpen: { id: 'meeting.MeetingClock.notOpen', defaultMessage: 'The meeting has not been opened yet.' },
  paused: { id: 'meeting.MeetingClock.paused', defaultMessage: 'Paused.' },
  timeLeft: { id: 'meeting.MeetingClock.timeLeft', defaultMessage: 'Meeting time left' },
  left: {
    id: 'meeting.MeetingClock.left',
    defaultMessage: '{count, plural, one {# minute left} other {# minutes left}}',
  },
  over: {
    id: 'meeting.MeetingClock.over',
    defaultMessage: '{count, plural, one {# minute over time} other {# minutes over time}}',
  },
  isPaused: { id: 'meeting.MeetingClock.isPaused', defaultMessage: 'The meeting is paused' },
  locked: {
    id: 'meeting.MeetingClock.locked',
    defaultMessage: 'Locked',
    description: 'The meeting is locked: nobody new enters',
  },
});

/** Time left in the meeting, for everyone; it stands still while the meeting is paused. */
export function MeetingClock() {
  const intl = useIntl();
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
        {intl.formatMessage(m.notOpen)}
        {meeting.paused && ` ${intl.formatMessage(m.paused)}`}
      </p>
    );
  }
  const left = clockLeftMs(meeting.clock, meeting.durationMs, now + clockOffset);
  // Whole minutes, rounded up, so the words carry the language's plural forms (1 минута, 2 минуты, 5 минут).
  const count = Math.max(0, Math.ceil(Math.abs(left) / 60_000));
  return (
    <p className="meeting-clock">
      <span role="timer" aria-label={intl.formatMessage(m.timeLeft)}>
        {intl.formatMessage(left >= 0 ? m.left : m.over, { count })}
      </span>
      {meeting.paused && <span className="badge presence"> {intl.formatMessage(m.isPaused)}</span>}
      {meeting.locked && <span className="badge presence"> {intl.formatMessage(m.locked)}</span>}
    </p>
  );
}
