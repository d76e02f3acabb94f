import type { Nudges } from './useNudges';

/**
 * A facilitator's gentle note, shown to this person only, until they dismiss it. Not a live region:
 * the room's assertive region reads it once when it arrives (the notes stay here to be read again).
 */
export function NudgeNotices({ nudges: { nudges, dismiss } }: { nudges: Nudges }) {
  if (nudges.length === 0) return null;
  return (
    <div className="nudges" role="group" aria-label="Notes from the facilitators">
      {nudges.map((n) => (
        <p key={n.at} className="notice nudge">
          <span>A note from the facilitators: {n.text}</span>{' '}
          <button type="button" className="link-button" onClick={() => dismiss(n.at)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
