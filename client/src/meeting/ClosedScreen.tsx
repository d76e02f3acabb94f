import type { InviteInfo, MeetingClosed, Role } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import type { ClosedReason } from '../room/useRoom';
import { ProofCard } from '../attendance/ProofCard';
import { useProofState } from '../attendance/proofState';
import { ClosedJournal } from '../journal/ClosedJournal';
import { AttendanceButton } from './AttendanceButton';
import { formatDate } from './format';

interface Props {
  invite: InviteInfo;
  reason: ClosedReason;
  closed: MeetingClosed | null;
  /** The group's support contacts, as last seen in the room. */
  supportContacts: string;
  role: Role | null;
  token: string;
  onExit: () => void;
}

const MESSAGES: Record<ClosedReason, MessageDescriptor> = defineMessages({
  left: {
    id: 'meeting.ClosedScreen.left',
    defaultMessage: 'You have left the room. Thank you for being here.',
  },
  erased: {
    id: 'meeting.ClosedScreen.erased',
    defaultMessage: 'Your identity has been erased. This browser no longer remembers you in this group.',
  },
  removed: {
    id: 'meeting.ClosedScreen.removed',
    defaultMessage: 'A facilitator has asked you to leave this meeting. You cannot rejoin it.',
  },
  excluded: {
    id: 'meeting.ClosedScreen.excluded',
    defaultMessage:
      'A facilitator has removed you from this group. You cannot join its meetings unless a facilitator lets you back in.',
  },
  ended: {
    id: 'meeting.ClosedScreen.ended',
    defaultMessage: 'The meeting has ended. Thank you for being here.',
  },
  deleted: {
    id: 'meeting.ClosedScreen.deleted',
    defaultMessage: "The facilitators have deleted this group's data. This link no longer works.",
  },
});

const m = defineMessages({
  closingWords: { id: 'meeting.ClosedScreen.closingWords', defaultMessage: 'Closing words' },
  lastSession: {
    id: 'meeting.ClosedScreen.lastSession',
    defaultMessage: 'This was the group’s last session.',
  },
  next: { id: 'meeting.ClosedScreen.next', defaultMessage: 'Next meeting: {when}' },
  noDate: {
    id: 'meeting.ClosedScreen.noDate',
    defaultMessage: 'The facilitators will let you know when the group meets next.',
  },
  support: { id: 'meeting.ClosedScreen.support', defaultMessage: 'If you need someone to talk to' },
  again: { id: 'meeting.ClosedScreen.again', defaultMessage: 'Join again' },
});

/** After the room: why, the closing words and the next meeting, and who to call if it is needed. */
export function ClosedScreen({ invite, reason, closed, supportContacts, role, token, onExit }: Props) {
  const intl = useIntl();
  const ended = reason === 'ended' && closed;
  // A proof given during the meeting stays here once the room is gone (asking needs the room).
  const proof = useProofState();
  return (
    <main className="page narrow">
      <h1>{invite.groupName}</h1>
      <p role="status">{intl.formatMessage(MESSAGES[reason])}</p>
      {ended && closed.closingWords && (
        <section aria-labelledby="closing-heading">
          <h2 id="closing-heading">{intl.formatMessage(m.closingWords)}</h2>
          <blockquote className="declaration" lang={invite.language}>
            {closed.closingWords}
          </blockquote>
        </section>
      )}
      {ended && (
        <p className="next-meeting">
          {closed.lastSession
            ? intl.formatMessage(m.lastSession)
            : closed.nextMeetingAt !== null
              ? intl.formatMessage(m.next, { when: formatDate(intl, closed.nextMeetingAt, closed.timeZone) })
              : intl.formatMessage(m.noDate)}
        </p>
      )}
      {supportContacts && reason !== 'deleted' && (
        <section aria-labelledby="support-heading">
          <h2 id="support-heading">{intl.formatMessage(m.support)}</h2>
          <p className="support-contacts" lang={invite.language}>
            {supportContacts}
          </p>
        </section>
      )}
      {proof.status === 'approved' && reason !== 'deleted' && <ProofCard proof={proof.proof} />}
      {ended && <ClosedJournal groupId={invite.groupId} token={token} meetingId={closed.meetingId} />}
      {ended && role === 'facilitator' && (
        <div className="button-row">
          <AttendanceButton token={token} groupId={invite.groupId} meetingId={closed.meetingId} />
        </div>
      )}
      {reason !== 'removed' && reason !== 'excluded' && reason !== 'deleted' && (
        <button type="button" onClick={onExit}>
          {intl.formatMessage(m.again)}
        </button>
      )}
    </main>
  );
}
