import type { FairnessView } from '@circle/shared';
import { minutes } from '../meeting/format';
import { useRoomContext } from '../room/RoomContext';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Facilitators only, this meeting only: who has not spoken yet, each person's share of the talk time
 * (measured from audio) as a simple bar chart that reads as a list, and gentle alerts.
 */
export function FairnessPanel({ view }: { view: FairnessView | null }) {
  const { view: room, nameOf } = useRoomContext();
  const { floor, participants } = room;
  const members = new Set(participants.filter((p) => p.role === 'member').map((p) => p.pid));
  const notYet = floor.seats.filter((pid) => members.has(pid) && !floor.turns[pid]?.spoke);
  const talk = view?.talk ?? [];

  return (
    <section className="panel fairness" aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">Fairness</h2>
      <p className="hint">Only facilitators see this, and it is not kept after the meeting.</p>
      <h3>Not spoken yet</h3>
      {notYet.length === 0 ? (
        <p className="status-text">Every member has spoken.</p>
      ) : (
        <ul className="plain" aria-label="Not spoken yet">
          {notYet.map((pid) => (
            <li key={pid}>
              {nameOf(pid)}
              {floor.turns[pid]?.passed ? <span className="muted"> (passed)</span> : null}
            </li>
          ))}
        </ul>
      )}
      {view && (view.overShare.length > 0 || view.outOfTurn.length > 0) && (
        <div role="status" aria-label="Fairness alerts">
          {view.overShare.map((pid) => (
            <p key={`share-${pid}`} className="notice time-warning">
              {nameOf(pid)} has held more than twice their fair share of the talk time.
            </p>
          ))}
          {view.outOfTurn.map((o) => (
            <p key={`turn-${o.pid}`} className="notice time-warning">
              {nameOf(o.pid)} spoke while not holding the word.
            </p>
          ))}
        </div>
      )}
      <h3>Talk time</h3>
      {!view || view.totalMs === 0 ? (
        <p className="hint">Talk time appears here once people speak with their microphones on.</p>
      ) : (
        <ul className="plain talk-chart" aria-label="Share of talk time">
          {talk.map((t) => (
            <li key={t.pid}>
              <span className="talk-name">{nameOf(t.pid)}</span>
              <span className="talk-bar" aria-hidden="true">
                <span style={{ width: percent(t.share) }} />
              </span>
              <span className="talk-value">
                {percent(t.share)} · {minutes(t.ms)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
