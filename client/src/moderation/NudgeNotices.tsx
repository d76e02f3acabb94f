import { useNudges } from './useNudges';

/** A facilitator's gentle note, shown to this person only, until they dismiss it. */
export function NudgeNotices() {
  const { nudges, dismiss } = useNudges();
  if (nudges.length === 0) return null;
  return (
    <div className="nudges" role="status" aria-label="Notes from the facilitators">
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
