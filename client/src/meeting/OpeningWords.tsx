import { useState } from 'react';
import type { MeetingView } from '@circle/shared';

/** The group's opening words, shown to everyone once the meeting is opened, until they put them aside. */
export function OpeningWords({ meeting, meetingId }: { meeting: MeetingView; meetingId: string }) {
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
