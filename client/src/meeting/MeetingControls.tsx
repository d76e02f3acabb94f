import { useState } from 'react';
import { useRoomContext } from '../room/RoomContext';
import { AttendanceButton } from './AttendanceButton';

/** Facilitators: pause, lock and close the meeting; export its attendance (opening it is OpenMeeting). */
export function MeetingControls() {
  // The token is the facilitator's own invitation, for the attendance export.
  const { view, invite, token, act } = useRoomContext();
  const { meeting, meetingId } = view;
  const [confirmClose, setConfirmClose] = useState(false);
  return (
    <section className="panel" aria-labelledby="meeting-heading">
      <h2 id="meeting-heading">Meeting</h2>
      <div className="button-row">
        <button type="button" onClick={() => void act('meeting:pause', { on: !meeting.paused })}>
          {meeting.paused ? 'Resume the meeting' : 'Pause the meeting'}
        </button>
        <button
          type="button"
          aria-describedby="lock-hint"
          onClick={() => void act('meeting:lock', { on: !meeting.locked })}
        >
          {meeting.locked ? 'Unlock the meeting' : 'Lock the meeting'}
        </button>
      </div>
      <p id="lock-hint" className="hint">
        {meeting.locked
          ? 'Locked: nobody new enters; people knocking wait in the lobby.'
          : 'Locking keeps newcomers in the lobby until you let them in.'}
      </p>
      <div className="button-row">
        <AttendanceButton token={token} groupId={invite.groupId} meetingId={meetingId} />
      </div>
      {confirmClose ? (
        <div className="confirm" role="group" aria-labelledby="close-question">
          <p id="close-question">
            Close the meeting for everyone? The closing words and the next date are shown, then the room
            empties.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void act('meeting:close', {})}>
              Yes, close it for everyone
            </button>
            <button type="button" onClick={() => setConfirmClose(false)}>
              Keep the meeting going
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirmClose(true)}>
          Close the meeting
        </button>
      )}
    </section>
  );
}
