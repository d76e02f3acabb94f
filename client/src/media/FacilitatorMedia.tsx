import { useState } from 'react';
import type { ParticipantView } from '@circle/shared';
import { describeError } from '../errors';
import { useIntl } from 'react-intl';
import type { Media } from './useMedia';

/** Holding microphones and strict circle. Holds are enforced by the server; members see why they are muted. */
export function FacilitatorMedia({ media, participants }: { media: Media; participants: ParticipantView[] }) {
  const intl = useIntl();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (p: Promise<unknown> | null) => {
    void p?.then(
      () => setProblem(null),
      (err: unknown) => setProblem(describeError(intl, err)),
    );
  };
  const held = new Set(media.view?.held ?? []);
  const members = participants.filter((p) => p.role === 'member');
  return (
    <section className="panel" aria-labelledby="media-heading">
      <h2 id="media-heading">Microphones</h2>
      <div className="check">
        <input
          id="strict-circle"
          type="checkbox"
          checked={!!media.view?.strict}
          onChange={(e) => run(media.facilitator.strict(e.target.checked))}
        />
        <label htmlFor="strict-circle">Strict circle</label>
      </div>
      <div className="check">
        <input
          id="member-screens"
          type="checkbox"
          checked={!!media.view?.membersMayShare}
          onChange={(e) => run(media.facilitator.memberScreens(e.target.checked))}
        />
        <label htmlFor="member-screens">Members may share their screen</label>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => run(media.facilitator.muteAll())}>
          Mute all
        </button>
        <button type="button" disabled={held.size === 0} onClick={() => run(media.facilitator.release())}>
          Release all microphones
        </button>
      </div>
      <ul className="plain" aria-label="Members' microphones">
        {members.map((p) => (
          <li key={p.pid}>
            {p.name} {held.has(p.pid) && <span className="muted">· held</span>}{' '}
            {held.has(p.pid) ? (
              <button
                type="button"
                className="link-button"
                onClick={() => run(media.facilitator.release(p.pid))}
              >
                {`Release ${p.name}`}
              </button>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => run(media.facilitator.mute(p.pid))}
              >
                {`Mute ${p.name}`}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && <p className="error">{problem}</p>}
    </section>
  );
}
