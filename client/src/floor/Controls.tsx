import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { shortcutProps } from '../room/shortcuts';

const m = defineMessages({
  yours: { id: 'floor.Controls.yours', defaultMessage: 'Your controls' },
  done: {
    id: 'floor.Controls.done',
    defaultMessage: "I'm done",
    description: 'Button: end your turn and hand the word on',
  },
  pass: {
    id: 'floor.Controls.pass',
    defaultMessage: 'Pass',
    description: 'Button: skip your turn without speaking (as in a go-around)',
  },
  lower: { id: 'floor.Controls.lower', defaultMessage: 'Lower hand' },
  raised: {
    id: 'floor.Controls.raised',
    defaultMessage:
      'Your hand is raised ({place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} in line)',
    description: 'Your place among the raised hands',
  },
  raise: {
    id: 'floor.Controls.raise',
    defaultMessage: 'Raise hand',
    description: 'Button: ask for the word',
  },
});

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
  const intl = useIntl();
  const { view, me, act } = useRoomContext();
  const { floor } = view;
  const { pid: myPid, role } = me;
  // Listeners (beyond the seats) ask for the word and finish their turn like seated people.
  const listener = view.participants.some((p) => p.pid === myPid && p.listener);
  if (role === 'observer' || (!floor.seats.includes(myPid) && !listener)) return null;
  // Someone who stepped out (or is in a side room) comes back first; the care controls offer that.
  if (floor.presence[myPid] === 'away') return null;
  const holding = floor.holder?.pid === myPid;
  const place = floor.queue.indexOf(myPid);

  return (
    <section className="controls" aria-label={intl.formatMessage(m.yours)}>
      {holding ? (
        <>
          <FloorButton
            icon="✓"
            label={intl.formatMessage(m.done)}
            shortcut="d"
            primary
            onClick={() => void act('floor:done', {})}
          />
          <FloorButton
            icon="↷"
            label={intl.formatMessage(m.pass)}
            shortcut="p"
            onClick={() => void act('floor:pass', {})}
          />
        </>
      ) : place >= 0 ? (
        <>
          <FloorButton
            icon="✋"
            label={intl.formatMessage(m.lower)}
            shortcut="r"
            onClick={() => void act('floor:lower', {})}
          />
          <span className="hand-place">{intl.formatMessage(m.raised, { place: place + 1 })}</span>
        </>
      ) : (
        <FloorButton
          icon="✋"
          label={intl.formatMessage(m.raise)}
          shortcut="r"
          primary
          onClick={() => void act('floor:raise', {})}
        />
      )}
    </section>
  );
}
