import { defineMessages, useIntl } from 'react-intl';
import type { Nudges } from './useNudges';

const m = defineMessages({
  group: { id: 'moderation.NudgeNotices.group', defaultMessage: 'Notes from the facilitators' },
  note: {
    id: 'moderation.NudgeNotices.note',
    defaultMessage: 'A note from the facilitators: {text}',
    description:
      'text is the note: a preset already in the reader’s language, or the facilitator’s own words',
  },
  dismiss: { id: 'moderation.NudgeNotices.dismiss', defaultMessage: 'Dismiss' },
});

/**
 * A facilitator's gentle note, shown to this person only, until they dismiss it. Not a live region:
 * the room's assertive region reads it once when it arrives (the notes stay here to be read again).
 */
export function NudgeNotices({ nudges: { nudges, dismiss } }: { nudges: Nudges }) {
  const intl = useIntl();
  if (nudges.length === 0) return null;
  return (
    <div className="nudges" role="group" aria-label={intl.formatMessage(m.group)}>
      {nudges.map((n) => (
        <p key={n.at} className="notice nudge">
          <span>{intl.formatMessage(m.note, { text: n.text })}</span>{' '}
          <button type="button" className="link-button" onClick={() => dismiss(n.at)}>
            {intl.formatMessage(m.dismiss)}
          </button>
        </p>
      ))}
    </div>
  );
}
