import { useState } from 'react';
import { ConfirmDialog } from '../room/ConfirmDialog';

interface Props {
  onLeave: () => void;
  /** The group's support contacts, shown to anyone about to leave. */
  supportContacts: string;
  className?: string;
}

/** Leaving asks once, kindly, and says who to call. */
export function LeaveButton({ onLeave, supportContacts, className }: Props) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setAsking(true)}>
        <span aria-hidden="true" className="bar-icon">
          ⎋
        </span>
        <span className="bar-label">Leave</span>
      </button>
      <ConfirmDialog open={asking} title="Leave the meeting?" onClose={() => setAsking(false)}>
        <p id="leave-question">
          Do you want to leave the meeting? You are welcome to stay, or to step out for a moment instead.
        </p>
        {supportContacts && (
          <p className="support-contacts">
            <strong>If you need someone to talk to:</strong> {supportContacts}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onLeave}>
            Leave the meeting
          </button>
          <button type="button" className="primary" onClick={() => setAsking(false)} autoFocus>
            Stay
          </button>
        </div>
      </ConfirmDialog>
    </>
  );
}
