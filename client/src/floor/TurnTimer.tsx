import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useTurnClock } from './useTurnClock';

const m = defineMessages({
  free: {
    id: 'floor.TurnTimer.free',
    defaultMessage: 'The word is free',
    description: 'Nobody is speaking: anyone may ask for the word',
  },
  youHave: { id: 'floor.TurnTimer.youHave', defaultMessage: 'You have the word' },
  otherHas: { id: 'floor.TurnTimer.otherHas', defaultMessage: '{name} has the word' },
  turnTime: { id: 'floor.TurnTimer.turnTime', defaultMessage: 'Turn time' },
  meetingPaused: { id: 'floor.TurnTimer.meetingPaused', defaultMessage: 'The meeting is paused' },
  pausedOffline: {
    id: 'floor.TurnTimer.pausedOffline',
    defaultMessage: 'Paused while offline',
    description: 'The turn clock stands still while the person speaking is disconnected',
  },
  almostUp: { id: 'floor.TurnTimer.almostUp', defaultMessage: 'Time is almost up' },
});

/** The holder's turn clock in the middle of the ring. */
export function TurnTimer() {
  const intl = useIntl();
  const { view, me, nameOf } = useRoomContext();
  const turn = view.floor.holder;
  const turnClock = useTurnClock();
  // The whole meeting is paused (every clock stands still), rather than the holder being offline.
  const meetingPaused = view.meeting.paused;

  if (!turn || !turnClock) {
    return (
      <div className="timer idle">
        <span className="timer-who">{intl.formatMessage(m.free)}</span>
      </div>
    );
  }
  const who =
    turn.pid === me.pid
      ? intl.formatMessage(m.youHave)
      : intl.formatMessage(m.otherHas, { name: nameOf(turn.pid) });
  return (
    <div className={`timer ${turnClock.state}`}>
      <span className="timer-who">{who}</span>
      {/* The clock for the eye; in words (each unit in its plural form) for a screen reader. */}
      <span role="timer" aria-label={intl.formatMessage(m.turnTime)} className="timer-clock">
        <span aria-hidden="true">{turnClock.text}</span>
        <span className="sr-only">{turnClock.spoken}</span>
      </span>
      {turn.runningSince === null && (
        <span className="timer-note">
          {intl.formatMessage(meetingPaused ? m.meetingPaused : m.pausedOffline)}
        </span>
      )}
      {turnClock.state === 'warning' && <span className="timer-note">{intl.formatMessage(m.almostUp)}</span>}
    </div>
  );
}
