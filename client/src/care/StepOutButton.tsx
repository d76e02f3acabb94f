import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  back: { id: 'care.StepOutButton.back', defaultMessage: "I'm back" },
  stepOut: {
    id: 'care.StepOutButton.stepOut',
    defaultMessage: 'Step out for a moment',
    description: 'Leave the circle for a short while, keeping your seat',
  },
});

/** Stepping out for a moment keeps the seat; the same place in the bar brings you back. */
export function StepOutButton({ inSideRoom }: { inSideRoom: boolean }) {
  const intl = useIntl();
  const { view, me, act } = useRoomContext();
  const { floor } = view;
  // In a side room the facilitator brings them back; there is nothing to press.
  if (me.role === 'observer' || !floor.seats.includes(me.pid) || inSideRoom) return null;
  const away = floor.presence[me.pid] === 'away';
  return away ? (
    <button
      type="button"
      className="bar-button primary"
      data-slot="care"
      onClick={() => void act('care:back', {})}
    >
      <span aria-hidden="true" className="bar-icon">
        ↩
      </span>
      <span className="bar-label">{intl.formatMessage(m.back)}</span>
    </button>
  ) : (
    <button
      type="button"
      className="bar-button"
      data-slot="care"
      onClick={() => void act('care:stepOut', {})}
    >
      <span aria-hidden="true" className="bar-icon">
        ☕
      </span>
      <span className="bar-label">{intl.formatMessage(m.stepOut)}</span>
    </button>
  );
}
