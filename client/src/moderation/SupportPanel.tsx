import type { FacilitatorView } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

/** Facilitators only: who is in a side room, who said they would not come. */
export function SupportPanel({ shared }: { shared: FacilitatorView }) {
  const { me, nameOf, act } = useRoomContext();
  const myPid = me.pid;
  // Support requests themselves are answered from Needs attention, at the top of the console.
  const { sideRooms, absences } = shared;
  if (sideRooms.length + absences.length === 0) return null;
  return (
    <section className="panel support" aria-labelledby="support-heading">
      <h2 id="support-heading">Support</h2>
      {sideRooms.length > 0 && (
        <ul className="plain" aria-label="Side rooms">
          {sideRooms.map((r) => (
            <li key={r.pid}>
              {nameOf(r.pid)} with {r.facilitator === myPid ? 'you' : nameOf(r.facilitator)} in a side room{' '}
              <button type="button" onClick={() => void act('moderation:sideClose', { pid: r.pid })}>
                End the side room with {nameOf(r.pid)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {absences.length > 0 && (
        <>
          <h3>Not coming</h3>
          <ul className="plain" aria-label="Absence notices">
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
