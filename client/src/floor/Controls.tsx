import { useRoomContext } from '../room/RoomContext';
import { shortcutProps } from '../room/shortcuts';

function ordinal(n: number): string {
  const rem = n % 100;
  if (rem >= 11 && rem <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

interface FloorButtonProps {
  icon: string;
  label: string;
  /** The key that presses it (see shortcuts.ts). */
  shortcut: string;
  primary?: boolean;
  onClick: () => void;
}

/** One of the bar's floor buttons; they share a slot, so the keyboard moves from one to the next. */
function FloorButton({ icon, label, shortcut, primary, onClick }: FloorButtonProps) {
  return (
    <button
      type="button"
      className={`bar-button${primary ? ' primary' : ''}`}
      data-slot="floor"
      {...shortcutProps(shortcut)}
      onClick={onClick}
    >
      <span aria-hidden="true" className="bar-icon">
        {icon}
      </span>
      <span className="bar-label">{label}</span>
    </button>
  );
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
          <FloorButton
            icon="✓"
            label="I'm done"
            shortcut="d"
            primary
            onClick={() => void act('floor:done', {})}
          />
          <FloorButton icon="↷" label="Pass" shortcut="p" onClick={() => void act('floor:pass', {})} />
        </>
      ) : place >= 0 ? (
        <>
          <FloorButton
            icon="✋"
            label="Lower hand"
            shortcut="r"
            onClick={() => void act('floor:lower', {})}
          />
          <span className="hand-place">Your hand is raised ({ordinal(place + 1)} in line)</span>
        </>
      ) : (
        <FloorButton
          icon="✋"
          label="Raise hand"
          shortcut="r"
          primary
          onClick={() => void act('floor:raise', {})}
        />
      )}
    </section>
  );
}
