import { useRoomContext } from '../room/RoomContext';

function ordinal(n: number): string {
  const rem = n % 100;
  if (rem >= 11 && rem <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** A seated person's own controls: ask for the word, or finish a turn. Observers get none. */
export function Controls() {
  const { view, me, act } = useRoomContext();
  const { floor } = view;
  const { pid: myPid, role } = me;
  if (role === 'observer' || !floor.seats.includes(myPid)) return null;
  // Someone who stepped out (or is in a side room) comes back first; the care controls offer that.
  if (floor.presence[myPid] === 'away') return null;
  const holding = floor.holder?.pid === myPid;
  const place = floor.queue.indexOf(myPid);

  return (
    <section className="controls" aria-label="Your controls">
      {holding ? (
        <>
          <button type="button" className="bar-button primary" onClick={() => void act('floor:done', {})}>
            <span aria-hidden="true" className="bar-icon">
              ✓
            </span>
            <span className="bar-label">I&apos;m done</span>
          </button>
          <button type="button" className="bar-button" onClick={() => void act('floor:pass', {})}>
            <span aria-hidden="true" className="bar-icon">
              ↷
            </span>
            <span className="bar-label">Pass</span>
          </button>
        </>
      ) : place >= 0 ? (
        <>
          <button type="button" className="bar-button" onClick={() => void act('floor:lower', {})}>
            <span aria-hidden="true" className="bar-icon">
              ✋
            </span>
            <span className="bar-label">Lower hand</span>
          </button>
          <span className="hand-place">Your hand is raised ({ordinal(place + 1)} in line)</span>
        </>
      ) : (
        <button type="button" className="bar-button primary" onClick={() => void act('floor:raise', {})}>
          <span aria-hidden="true" className="bar-icon">
            ✋
          </span>
          <span className="bar-label">Raise hand</span>
        </button>
      )}
    </section>
  );
}
