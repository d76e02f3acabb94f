import { useState } from 'react';

interface Props {
  onLeave: () => void;
  /** The group's support contacts, shown to anyone about to leave. */
  supportContacts: string;
}

/** Leaving asks once, kindly, and says who to call. */
export function LeaveButton({ onLeave, supportContacts }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        Leave
      </button>
    );
  return (
    <div className="confirm" role="group" aria-labelledby="leave-question">
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
    </div>
  );
}
