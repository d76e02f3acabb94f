import type { InviteInfo, MeetingClosed, Role } from '@circle/shared';
import type { ClosedReason } from '../room/useRoom';
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

const MESSAGES: Record<ClosedReason, string> = {
  left: 'You have left the room. Thank you for being here.',
  erased: 'Your identity has been erased. This browser no longer remembers you in this group.',
  removed: 'A facilitator has asked you to leave this meeting. You cannot rejoin it.',
  excluded:
    'A facilitator has removed you from this group. You cannot join its meetings unless a facilitator lets you back in.',
  ended: 'The meeting has ended. Thank you for being here.',
  deleted: "The facilitators have deleted this group's data. This link no longer works.",
};

/** After the room: why, the closing words and the next meeting, and who to call if it is needed. */
export function ClosedScreen({ invite, reason, closed, supportContacts, role, token, onExit }: Props) {
  const ended = reason === 'ended' && closed;
  return (
    <main className="page narrow">
      <h1>{invite.groupName}</h1>
      <p role="status">{MESSAGES[reason]}</p>
      {ended && closed.closingWords && (
        <section aria-labelledby="closing-heading">
          <h2 id="closing-heading">Closing words</h2>
          <blockquote className="declaration">{closed.closingWords}</blockquote>
        </section>
      )}
      {ended && (
        <p className="next-meeting">
          {closed.lastSession
            ? 'This was the group’s last session.'
            : closed.nextMeetingAt !== null
              ? `Next meeting: ${formatDate(closed.nextMeetingAt)}`
              : 'The facilitators will let you know when the group meets next.'}
        </p>
      )}
      {supportContacts && reason !== 'deleted' && (
        <section aria-labelledby="support-heading">
          <h2 id="support-heading">If you need someone to talk to</h2>
          <p className="support-contacts">{supportContacts}</p>
        </section>
      )}
      {ended && role === 'facilitator' && (
        <div className="button-row">
          <AttendanceButton token={token} groupId={invite.groupId} meetingId={closed.meetingId} />
        </div>
      )}
      {reason !== 'removed' && reason !== 'excluded' && reason !== 'deleted' && (
        <button type="button" onClick={onExit}>
          Join again
        </button>
      )}
    </main>
  );
}
