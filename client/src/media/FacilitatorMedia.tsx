import { useState } from 'react';
import type { ParticipantView } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { describeError } from '../errors';
import type { Media } from './useMedia';

const m = defineMessages({
  heading: { id: 'media.FacilitatorMedia.heading', defaultMessage: 'Microphones' },
  strict: {
    id: 'media.FacilitatorMedia.strict',
    defaultMessage: 'Strict circle',
    description: 'A switch: only the person holding the word (and the facilitators) can be heard',
  },
  memberScreens: {
    id: 'media.FacilitatorMedia.memberScreens',
    defaultMessage: 'Members may share their screen',
  },
  muteAll: { id: 'media.FacilitatorMedia.muteAll', defaultMessage: 'Mute all' },
  releaseAll: { id: 'media.FacilitatorMedia.releaseAll', defaultMessage: 'Release all microphones' },
  list: { id: 'media.FacilitatorMedia.list', defaultMessage: "Members' microphones" },
  held: {
    id: 'media.FacilitatorMedia.held',
    defaultMessage: '· held',
    description: 'This member’s microphone is held',
  },
  release: { id: 'media.FacilitatorMedia.release', defaultMessage: 'Release {name}' },
  mute: { id: 'media.FacilitatorMedia.mute', defaultMessage: 'Mute {name}' },
});

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
  // Listeners (there may be hundreds) only while they can be heard (publishing: holding the word) or held.
  const publishing = new Set(media.view?.tracks.map((t) => t.pid) ?? []);
  const members = participants.filter(
    (p) => p.role === 'member' && (!p.listener || publishing.has(p.pid) || held.has(p.pid)),
  );
  return (
    <section className="panel" aria-labelledby="media-heading">
      <h2 id="media-heading">{intl.formatMessage(m.heading)}</h2>
      <div className="check">
        <input
          id="strict-circle"
          type="checkbox"
          checked={!!media.view?.strict}
          onChange={(e) => run(media.facilitator.strict(e.target.checked))}
        />
        <label htmlFor="strict-circle">{intl.formatMessage(m.strict)}</label>
      </div>
      <div className="check">
        <input
          id="member-screens"
          type="checkbox"
          checked={!!media.view?.membersMayShare}
          onChange={(e) => run(media.facilitator.memberScreens(e.target.checked))}
        />
        <label htmlFor="member-screens">{intl.formatMessage(m.memberScreens)}</label>
      </div>
      <div className="button-row">
        <button type="button" onClick={() => run(media.facilitator.muteAll())}>
          {intl.formatMessage(m.muteAll)}
        </button>
        <button type="button" disabled={held.size === 0} onClick={() => run(media.facilitator.release())}>
          {intl.formatMessage(m.releaseAll)}
        </button>
      </div>
      <ul className="plain" aria-label={intl.formatMessage(m.list)}>
        {members.map((p) => (
          <li key={p.pid}>
            {p.name} {held.has(p.pid) && <span className="muted">{intl.formatMessage(m.held)}</span>}{' '}
            {held.has(p.pid) ? (
              <button
                type="button"
                className="link-button"
                onClick={() => run(media.facilitator.release(p.pid))}
              >
                {intl.formatMessage(m.release, { name: p.name })}
              </button>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => run(media.facilitator.mute(p.pid))}
              >
                {intl.formatMessage(m.mute, { name: p.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && <p className="error">{problem}</p>}
    </section>
  );
}
