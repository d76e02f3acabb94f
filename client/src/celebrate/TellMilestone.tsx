import { MILESTONE_MAX, MILESTONE_UNITS, type MilestoneUnit } from '@circle/shared';
import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useAdmittedSocket } from '../room/useServerState';
import { milestoneText } from './words';

const m = defineMessages({
  heading: { id: 'celebrate.TellMilestone.heading', defaultMessage: 'Celebrating a milestone?' },
  explain: {
    id: 'celebrate.TellMilestone.explain',
    defaultMessage:
      'Tell the facilitators privately: days, months or years. They choose when to acknowledge it. Nobody else hears of it unless you allow it.',
  },
  amount: { id: 'celebrate.TellMilestone.amount', defaultMessage: 'How many' },
  unit: { id: 'celebrate.TellMilestone.unit', defaultMessage: 'Of what' },
  days: { id: 'celebrate.TellMilestone.days', defaultMessage: 'days' },
  months: { id: 'celebrate.TellMilestone.months', defaultMessage: 'months' },
  years: { id: 'celebrate.TellMilestone.years', defaultMessage: 'years' },
  who: { id: 'celebrate.TellMilestone.who', defaultMessage: 'Who may hear of it' },
  private: { id: 'celebrate.TellMilestone.private', defaultMessage: 'Only the facilitators' },
  announce: {
    id: 'celebrate.TellMilestone.announce',
    defaultMessage: 'The facilitators may announce it to the group',
  },
  tell: { id: 'celebrate.TellMilestone.tell', defaultMessage: 'Tell the facilitators' },
  toldPrivate: {
    id: 'celebrate.TellMilestone.toldPrivate',
    defaultMessage: 'You told the facilitators: {milestone}. Only they know.',
  },
  toldAnnounce: {
    id: 'celebrate.TellMilestone.toldAnnounce',
    defaultMessage: 'You told the facilitators: {milestone}. They may announce it to the group.',
  },
  withdraw: { id: 'celebrate.TellMilestone.withdraw', defaultMessage: 'Take it back' },
  seen: {
    id: 'celebrate.TellMilestone.seen',
    defaultMessage: 'A facilitator acknowledged your milestone. Congratulations!',
  },
  announced: {
    id: 'celebrate.TellMilestone.announced',
    defaultMessage: 'A facilitator announced your milestone to the group. Congratulations!',
  },
  bound: {
    id: 'celebrate.TellMilestone.bound',
    defaultMessage: 'A whole number from 1 to {max}',
  },
});

type Told = { amount: number; unit: MilestoneUnit; announce: boolean };

/**
 * A member tells the facilitators of a milestone. Whether it may be announced is the member's choice,
 * made here; "only the facilitators" is preselected, and the server refuses any announcement without it.
 */
export function TellMilestone() {
  const intl = useIntl();
  const { act, me } = useRoomContext();
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<MilestoneUnit>('days');
  const [announce, setAnnounce] = useState(false);
  const [told, setTold] = useState<Told | null>(null);
  const [answer, setAnswer] = useState<{ announced: boolean } | null>(null);
  useAdmittedSocket((socket) => {
    const acknowledged = (a: { announced: boolean }) => {
      setTold(null);
      setAnswer(a);
    };
    socket.on('celebrate:acknowledged', acknowledged);
    return () => void socket.off('celebrate:acknowledged', acknowledged);
  });
  // Observers sit outside the circle: they have no milestone to tell here.
  if (me.role === 'observer') return null;

  const max = MILESTONE_MAX[unit];
  const n = Number(amount);
  const valid = Number.isInteger(n) && n >= 1 && n <= max;
  const tell = async () => {
    if (!valid) return;
    if (await act('celebrate:tell', { amount: n, unit, announce })) {
      setTold({ amount: n, unit, announce });
      setAnswer(null);
    }
  };
  const withdraw = async () => {
    if (await act('celebrate:withdraw', {})) setTold(null);
  };

  return (
    <details className="panel celebrate-tell">
      <summary>{intl.formatMessage(m.heading)}</summary>
      <p className="hint">{intl.formatMessage(m.explain)}</p>
      {answer && <p role="status">{intl.formatMessage(answer.announced ? m.announced : m.seen)}</p>}
      {told ? (
        <p role="status">
          {intl.formatMessage(told.announce ? m.toldAnnounce : m.toldPrivate, {
            milestone: milestoneText(intl, told),
          })}{' '}
          <button type="button" onClick={() => void withdraw()}>
            {intl.formatMessage(m.withdraw)}
          </button>
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void tell();
          }}
        >
          <label htmlFor="celebrate-amount">{intl.formatMessage(m.amount)}</label>
          <input
            id="celebrate-amount"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            step={1}
            required
            value={amount}
            aria-describedby="celebrate-bound"
            onChange={(e) => setAmount(e.target.value)}
          />
          <span className="hint" id="celebrate-bound">
            {intl.formatMessage(m.bound, { max })}
          </span>
          <label htmlFor="celebrate-unit">{intl.formatMessage(m.unit)}</label>
          <select
            id="celebrate-unit"
            value={unit}
            onChange={(e) => setUnit(MILESTONE_UNITS.find((u) => u === e.target.value) ?? 'days')}
          >
            {MILESTONE_UNITS.map((u) => (
              <option key={u} value={u}>
                {intl.formatMessage(m[u])}
              </option>
            ))}
          </select>
          <fieldset>
            <legend>{intl.formatMessage(m.who)}</legend>
            {([false, true] as const).map((choice) => (
              <label key={String(choice)}>
                <input
                  type="radio"
                  name="celebrate-announce"
                  checked={announce === choice}
                  onChange={() => setAnnounce(choice)}
                />{' '}
                {intl.formatMessage(choice ? m.announce : m.private)}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={!valid}>
            {intl.formatMessage(m.tell)}
          </button>
        </form>
      )}
    </details>
  );
}
