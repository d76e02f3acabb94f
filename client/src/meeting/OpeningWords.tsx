import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'meeting.OpeningWords.heading', defaultMessage: 'The meeting is open' },
  aside: { id: 'meeting.OpeningWords.aside', defaultMessage: 'Put the opening words aside' },
});

/** The group's opening words (its content, shown as written), once the meeting is opened, until put aside. */
export function OpeningWords() {
  const intl = useIntl();
  const { meeting, meetingId } = useRoomContext().view;
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (meeting.phase !== 'open' || !meeting.openingWords || dismissed === meetingId) return null;
  return (
    <section className="panel words" aria-labelledby="opening-heading">
      <h2 id="opening-heading">{intl.formatMessage(m.heading)}</h2>
      <blockquote className="declaration" lang={meeting.language}>
        {meeting.openingWords}
      </blockquote>
      <button type="button" onClick={() => setDismissed(meetingId)}>
        {intl.formatMessage(m.aside)}
      </button>
    </section>
  );
}
