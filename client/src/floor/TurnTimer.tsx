import { useRoomContext } from '../room/RoomContext';
import { useTurnClock } from './useTurnClock';

/** The holder's turn clock in the middle of the ring. */
export function TurnTimer() {
  const { view, me, nameOf } = useRoomContext();
  const turn = view.floor.holder;
  const turnClock = useTurnClock();
  // The whole meeting is paused (every clock stands still), rather than the holder being offline.
  const meetingPaused = view.meeting.paused;

  if (!turn || !turnClock) {
    return (
      <div className="timer idle">
        <span className="timer-who">The word is free</span>
      </div>
    );
  }
  const who = turn.pid === me.pid ? 'You have the word' : `${nameOf(turn.pid)} has the word`;
  return (
    <div className={`timer ${turnClock.state}`}>
      <span className="timer-who">{who}</span>
      <span role="timer" aria-label="Turn time" className="timer-clock">
        {turnClock.text}
      </span>
      {turn.runningSince === null && (
        <span className="timer-note">{meetingPaused ? 'The meeting is paused' : 'Paused while offline'}</span>
      )}
      {turnClock.state === 'warning' && <span className="timer-note">Time is almost up</span>}
    </div>
  );
}
