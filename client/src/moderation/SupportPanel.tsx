import { defineMessages, useIntl } from 'react-intl';
import type { FacilitatorView } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'moderation.SupportPanel.heading', defaultMessage: 'Support' },
  sideRooms: { id: 'moderation.SupportPanel.sideRooms', defaultMessage: 'Side rooms' },
  inSideRoom: {
    id: 'moderation.SupportPanel.inSideRoom',
    defaultMessage: '{name} with {mine, select, yes {you} other {{facilitator}}} in a side room',
  },
  endSideRoom: { id: 'moderation.SupportPanel.endSideRoom', defaultMessage: 'End the side room with {name}' },
  notComing: { id: 'moderation.SupportPanel.notComing', defaultMessage: 'Not coming' },
  absences: { id: 'moderation.SupportPanel.absences', defaultMessage: 'Absence notices' },
});

/** Facilitators only: who is in a side room, who said they would not come. */
export function SupportPanel({ shared }: { shared: FacilitatorView }) {
  const intl = useIntl();
  const { me, nameOf, act } = useRoomContext();
  const myPid = me.pid;
  // Support requests themselves are answered from Needs attention, at the top of the console.
  const { sideRooms, absences } = shared;
  if (sideRooms.length + absences.length === 0) return null;
  return (
    <section className="panel support" aria-labelledby="support-heading">
      <h2 id="support-heading">{intl.formatMessage(m.heading)}</h2>
      {sideRooms.length > 0 && (
        <ul className="plain" aria-label={intl.formatMessage(m.sideRooms)}>
          {sideRooms.map((r) => (
            <li key={r.pid}>
              {intl.formatMessage(m.inSideRoom, {
                name: nameOf(r.pid),
                mine: r.facilitator === myPid ? 'yes' : 'no',
                facilitator: nameOf(r.facilitator),
              })}{' '}
              <button type="button" onClick={() => void act('moderation:sideClose', { pid: r.pid })}>
                {intl.formatMessage(m.endSideRoom, { name: nameOf(r.pid) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {absences.length > 0 && (
        <>
          <h3>{intl.formatMessage(m.notComing)}</h3>
          <ul className="plain" aria-label={intl.formatMessage(m.absences)}>
            {absences.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.note && <span className="muted"> · {a.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
