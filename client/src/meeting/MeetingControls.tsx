import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { AttendanceButton } from './AttendanceButton';

const m = defineMessages({
  heading: { id: 'meeting.MeetingControls.heading', defaultMessage: 'Meeting' },
  resume: { id: 'meeting.MeetingControls.resume', defaultMessage: 'Resume the meeting' },
  pause: { id: 'meeting.MeetingControls.pause', defaultMessage: 'Pause the meeting' },
  unlock: { id: 'meeting.MeetingControls.unlock', defaultMessage: 'Unlock the meeting' },
  lock: { id: 'meeting.MeetingControls.lock', defaultMessage: 'Lock the meeting' },
  lockedHint: {
    id: 'meeting.MeetingControls.lockedHint',
    defaultMessage: 'Locked: nobody new enters; people knocking wait in the lobby.',
  },
  lockHint: {
    id: 'meeting.MeetingControls.lockHint',
    defaultMessage: 'Locking keeps newcomers in the lobby until you let them in.',
  },
  closeQuestion: {
    id: 'meeting.MeetingControls.closeQuestion',
    defaultMessage:
      'Close the meeting for everyone? The closing words and the next date are shown, then the room empties.',
  },
  closeYes: { id: 'meeting.MeetingControls.closeYes', defaultMessage: 'Yes, close it for everyone' },
  keep: { id: 'meeting.MeetingControls.keep', defaultMessage: 'Keep the meeting going' },
  close: { id: 'meeting.MeetingControls.close', defaultMessage: 'Close the meeting' },
});

/** Facilitators: pause, lock and close the meeting; export its attendance (opening it is OpenMeeting). */
export function MeetingControls() {
  const intl = useIntl();
  // The token is the facilitator's own invitation, for the attendance export.
  const { view, invite, token, act } = useRoomContext();
  const { meeting, meetingId } = view;
  const [confirmClose, setConfirmClose] = useState(false);
  return (
    <section className="panel" aria-labelledby="meeting-heading">
      <h2 id="meeting-heading">{intl.formatMessage(m.heading)}</h2>
      <div className="button-row">
        <button type="button" onClick={() => void act('meeting:pause', { on: !meeting.paused })}>
          {intl.formatMessage(meeting.paused ? m.resume : m.pause)}
        </button>
        <button
          type="button"
          aria-describedby="lock-hint"
          onClick={() => void act('meeting:lock', { on: !meeting.locked })}
        >
          {intl.formatMessage(meeting.locked ? m.unlock : m.lock)}
        </button>
      </div>
      <p id="lock-hint" className="hint">
        {intl.formatMessage(meeting.locked ? m.lockedHint : m.lockHint)}
      </p>
      <div className="button-row">
        <AttendanceButton token={token} groupId={invite.groupId} meetingId={meetingId} />
      </div>
      {confirmClose ? (
        <div className="confirm" role="group" aria-labelledby="close-question">
          <p id="close-question">{intl.formatMessage(m.closeQuestion)}</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void act('meeting:close', {})}>
              {intl.formatMessage(m.closeYes)}
            </button>
            <button type="button" onClick={() => setConfirmClose(false)}>
              {intl.formatMessage(m.keep)}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirmClose(true)}>
          {intl.formatMessage(m.close)}
        </button>
      )}
    </section>
  );
}
