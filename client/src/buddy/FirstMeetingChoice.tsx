import { defineMessages, useIntl } from 'react-intl';
import type { FirstMeetingAudience } from '@circle/shared';

const m = defineMessages({
  cameWithBuddy: {
    id: 'buddy.FirstMeetingChoice.cameWithBuddy',
    defaultMessage:
      'A member of this group invited you to come with them. You will wait in the lobby together, go in together and sit next to each other. This invitation works only once.',
  },
  tell: {
    id: 'buddy.FirstMeetingChoice.tell',
    defaultMessage: 'Tell the facilitators this is my first meeting',
  },
  tellHint: {
    id: 'buddy.FirstMeetingChoice.tellHint',
    defaultMessage: 'So they can welcome you. Only the facilitators will know.',
  },
  everyone: {
    id: 'buddy.FirstMeetingChoice.everyone',
    defaultMessage: 'Others in the circle may know it too',
  },
});

/**
 * On the join page of a member: "this is my first meeting", off by default, told to the facilitators;
 * a second, separate yes lets the others in the circle know too.
 */
export function FirstMeetingChoice({
  value,
  onChange,
  buddy,
}: {
  value: FirstMeetingAudience | null;
  onChange: (value: FirstMeetingAudience | null) => void;
  /** Opened with a member's buddy invitation. */
  buddy: boolean;
}) {
  const intl = useIntl();
  return (
    <div className="first-meeting">
      {buddy && <p className="lead">{intl.formatMessage(m.cameWithBuddy)}</p>}
      <div className="check">
        <input
          id="join-first-meeting"
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? 'facilitators' : null)}
          aria-describedby="join-first-meeting-hint"
        />
        <label htmlFor="join-first-meeting">{intl.formatMessage(m.tell)}</label>
      </div>
      <p className="hint" id="join-first-meeting-hint">
        {intl.formatMessage(m.tellHint)}
      </p>
      {value !== null && (
        <div className="check">
          <input
            id="join-first-meeting-everyone"
            type="checkbox"
            checked={value === 'everyone'}
            onChange={(e) => onChange(e.target.checked ? 'everyone' : 'facilitators')}
          />
          <label htmlFor="join-first-meeting-everyone">{intl.formatMessage(m.everyone)}</label>
        </div>
      )}
    </div>
  );
}
