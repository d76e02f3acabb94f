import type { FairnessView } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { minutes } from '../meeting/format';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: {
    id: 'fairness.FairnessPanel.heading',
    defaultMessage: 'Fairness',
    description: 'Whether everyone gets a fair share of the talk time',
  },
  private: {
    id: 'fairness.FairnessPanel.private',
    defaultMessage: 'Only facilitators see this, and it is not kept after the meeting.',
  },
  notYet: { id: 'fairness.FairnessPanel.notYet', defaultMessage: 'Not spoken yet' },
  everyone: { id: 'fairness.FairnessPanel.everyone', defaultMessage: 'Every member has spoken.' },
  passed: {
    id: 'fairness.FairnessPanel.passed',
    defaultMessage: '(passed)',
    description: 'They passed: skipped their turn without speaking',
  },
  alerts: { id: 'fairness.FairnessPanel.alerts', defaultMessage: 'Fairness alerts' },
  overShare: {
    id: 'fairness.FairnessPanel.overShare',
    defaultMessage: '{name} has held more than twice their fair share of the talk time.',
  },
  outOfTurn: {
    id: 'fairness.FairnessPanel.outOfTurn',
    defaultMessage: '{name} spoke while not holding the word.',
    description: 'Spoke out of turn: talked while someone else had the word',
  },
  talkTime: { id: 'fairness.FairnessPanel.talkTime', defaultMessage: 'Talk time' },
  noTalk: {
    id: 'fairness.FairnessPanel.noTalk',
    defaultMessage: 'Talk time appears here once people speak with their microphones on.',
  },
  shares: { id: 'fairness.FairnessPanel.shares', defaultMessage: 'Share of talk time' },
});

/**
 * Facilitators only, this meeting only: who has not spoken yet, each person's share of the talk time
 * (measured from audio) as a simple bar chart that reads as a list, and gentle alerts.
 */
export function FairnessPanel({ view }: { view: FairnessView | null }) {
  const intl = useIntl();
  const { view: room, nameOf } = useRoomContext();
  const percent = (share: number) => intl.formatNumber(share, { style: 'percent' });
  const { floor, participants } = room;
  const members = new Set(participants.filter((p) => p.role === 'member').map((p) => p.pid));
  const notYet = floor.seats.filter((pid) => members.has(pid) && !floor.turns[pid]?.spoke);
  const talk = view?.talk ?? [];

  return (
    <section className="panel fairness" aria-labelledby="fairness-heading">
      <h2 id="fairness-heading">{intl.formatMessage(m.heading)}</h2>
      <p className="hint">{intl.formatMessage(m.private)}</p>
      <h3>{intl.formatMessage(m.notYet)}</h3>
      {notYet.length === 0 ? (
        <p className="status-text">{intl.formatMessage(m.everyone)}</p>
      ) : (
        <ul className="plain" aria-label={intl.formatMessage(m.notYet)}>
          {notYet.map((pid) => (
            <li key={pid}>
              {nameOf(pid)}
              {floor.turns[pid]?.passed ? (
                <span className="muted"> {intl.formatMessage(m.passed)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view && (view.overShare.length > 0 || view.outOfTurn.length > 0) && (
        <div role="status" aria-label={intl.formatMessage(m.alerts)}>
          {view.overShare.map((pid) => (
            <p key={`share-${pid}`} className="notice time-warning">
              {intl.formatMessage(m.overShare, { name: nameOf(pid) })}
            </p>
          ))}
          {view.outOfTurn.map((o) => (
            <p key={`turn-${o.pid}`} className="notice time-warning">
              {intl.formatMessage(m.outOfTurn, { name: nameOf(o.pid) })}
            </p>
          ))}
        </div>
      )}
      <h3>{intl.formatMessage(m.talkTime)}</h3>
      {!view || view.totalMs === 0 ? (
        <p className="hint">{intl.formatMessage(m.noTalk)}</p>
      ) : (
        <ul className="plain talk-chart" aria-label={intl.formatMessage(m.shares)}>
          {talk.map((t) => (
            <li key={t.pid}>
              <span className="talk-name">{nameOf(t.pid)}</span>
              <span className="talk-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(t.share * 100)}%` }} />
              </span>
              <span className="talk-value">
                {percent(t.share)} · {minutes(intl, t.ms)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
