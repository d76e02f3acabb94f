import type { ProofAsk } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'attendance.ProofAsks.heading', defaultMessage: 'Proof of attendance asked' },
  asked: {
    id: 'attendance.ProofAsks.asked',
    defaultMessage: '{name} asks for a proof naming them “{shownName}”',
    description: 'shownName is the initials or first name the proof will show',
  },
  approve: { id: 'attendance.ProofAsks.approve', defaultMessage: 'Give proof to {name}' },
  decline: { id: 'attendance.ProofAsks.decline', defaultMessage: 'Decline for {name}' },
});

/**
 * Facilitators only (the asks come in their own view): approve sends the member alone a proof with a
 * verification code; decline tells them so. Nobody else learns that anyone asked.
 */
export function ProofAsks({ asks }: { asks: ProofAsk[] }) {
  const intl = useIntl();
  const { act, nameOf } = useRoomContext();
  if (asks.length === 0) return null;
  return (
    <section className="panel attention" aria-labelledby="proof-asks-heading">
      <h2 id="proof-asks-heading">{intl.formatMessage(m.heading)}</h2>
      <ul className="plain attention-list">
        {asks.map((a) => {
          const name = nameOf(a.pid);
          return (
            <li key={a.pid} className="attention-item">
              <span>{intl.formatMessage(m.asked, { name, shownName: a.shownName })}</span>
              <span className="row-actions">
                <button
                  type="button"
                  onClick={() => void act('attendance:decide', { pid: a.pid, approve: true })}
                >
                  {intl.formatMessage(m.approve, { name })}
                </button>
                <button
                  type="button"
                  onClick={() => void act('attendance:decide', { pid: a.pid, approve: false })}
                >
                  {intl.formatMessage(m.decline, { name })}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
