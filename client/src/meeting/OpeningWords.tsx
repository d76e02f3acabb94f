import { useState } from 'react';
import { useRoomContext } from '../room/RoomContext';

/** The group's opening words, shown to everyone once the meeting is opened, until they put them aside. */
export function OpeningWords() {
  const { meeting, meetingId } = useRoomContext().view;
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (meeting.phase !== 'open' || !meeting.openingWords || dismissed === meetingId) return null;
  return (
    <section className="panel words" aria-labelledby="opening-heading">
      <h2 id="opening-heading">The meeting is open</h2>
      <blockquote className="declaration">{meeting.openingWords}</blockquote>
      <button type="button" onClick={() => setDismissed(meetingId)}>
        Put the opening words aside
      </button>
    </section>
  );
}
