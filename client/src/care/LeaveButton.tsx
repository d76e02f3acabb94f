import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { ConfirmDialog } from '../room/ConfirmDialog';

const m = defineMessages({
  leave: { id: 'care.LeaveButton.leave', defaultMessage: 'Leave' },
  title: { id: 'care.LeaveButton.title', defaultMessage: 'Leave the meeting?' },
  question: {
    id: 'care.LeaveButton.question',
    defaultMessage:
      'Do you want to leave the meeting? You are welcome to stay, or to step out for a moment instead.',
  },
  contacts: {
    id: 'care.LeaveButton.contacts',
    defaultMessage: 'If you need someone to talk to:',
    description: "Followed by the group's support contacts (phone numbers, names)",
  },
  leaveMeeting: { id: 'care.LeaveButton.leaveMeeting', defaultMessage: 'Leave the meeting' },
  stay: { id: 'care.LeaveButton.stay', defaultMessage: 'Stay' },
});

interface Props {
  onLeave: () => void;
  /** The group's support contacts, shown to anyone about to leave. */
  supportContacts: string;
  className?: string;
}

/** Leaving asks once, kindly, and says who to call. */
export function LeaveButton({ onLeave, supportContacts, className }: Props) {
  const intl = useIntl();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setAsking(true)}>
        <span aria-hidden="true" className="bar-icon">
          ⎋
        </span>
        <span className="bar-label">{intl.formatMessage(m.leave)}</span>
      </button>
      <ConfirmDialog open={asking} title={intl.formatMessage(m.title)} onClose={() => setAsking(false)}>
        <p id="leave-question">{intl.formatMessage(m.question)}</p>
        {supportContacts && (
          <p className="support-contacts">
            <strong>{intl.formatMessage(m.contacts)}</strong> {supportContacts}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onLeave}>
            {intl.formatMessage(m.leaveMeeting)}
          </button>
          <button type="button" className="primary" onClick={() => setAsking(false)} autoFocus>
            {intl.formatMessage(m.stay)}
          </button>
        </div>
      </ConfirmDialog>
    </>
  );
}
