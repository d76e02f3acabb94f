import type { FacilitatorView } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Facilitators only: who asked for support, who is in a side room, who said they would not come. */
export function SupportPanel({ shared }: { shared: FacilitatorView }) {
  const { view: room, me, nameOf, act } = useRoomContext();
  const myPid = me.pid;
  // Only a seated member can be taken to a side room (observers may still ask for support).
  const canTalkPrivately = (pid: string) =>
    room.floor.seats.includes(pid) && room.participants.some((p) => p.pid === pid && p.role === 'member');
  const { support, sideRooms, absences } = shared;
  if (support.length + sideRooms.length + absences.length === 0) return null;
  return (
    <section className="panel support" aria-labelledby="support-heading">
      <h2 id="support-heading">Support</h2>
      {support.length > 0 && (
        <ul className="plain" aria-label="Asked for support">
          {support.map((s) => (
            <li key={s.pid} className="alert-item">
              <span>
                {nameOf(s.pid)} asked for support <span className="muted">since {time(s.since)}</span>
              </span>
              {canTalkPrivately(s.pid) && (
                <button type="button" onClick={() => void act('moderation:sideOpen', { pid: s.pid })}>
                  Talk privately with {nameOf(s.pid)}
                </button>
              )}
              <button type="button" onClick={() => void act('moderation:supportSeen', { pid: s.pid })}>
                Seen
              </button>
            </li>
          ))}
        </ul>
      )}
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
