import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LIMITS, upcoming } from '@circle/shared';
import type { FloorView } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { FloorMoves } from './FloorMoves';
import { SeatOrder } from './SeatOrder';
import { TurnSettings } from './TurnSettings';
import { PRESENCE } from './words';

const m = defineMessages({
  heading: { id: 'floor.FacilitatorPanel.heading', defaultMessage: 'Facilitation' },
  person: { id: 'floor.FacilitatorPanel.person', defaultMessage: 'Person' },
  choose: { id: 'floor.FacilitatorPanel.choose', defaultMessage: 'Choose a person…' },
  presence: {
    id: 'floor.FacilitatorPanel.presence',
    defaultMessage: '({presence})',
    description: 'After a name in the list of people: away, or offline',
  },
  goAround: {
    id: 'floor.FacilitatorPanel.goAround',
    defaultMessage: 'Go-around',
    description: 'A round in which everyone in the circle speaks in turn, in seat order',
  },
  roundStatus: {
    id: 'floor.FacilitatorPanel.roundStatus',
    defaultMessage: 'Round in progress: {done} of {total} done.',
  },
  skip: { id: 'floor.FacilitatorPanel.skip', defaultMessage: 'Skip' },
  skips: { id: 'floor.FacilitatorPanel.skips', defaultMessage: 'Skips {name} in this round' },
  nobodyToSkip: { id: 'floor.FacilitatorPanel.nobodyToSkip', defaultMessage: 'Nobody left to skip' },
  endRound: { id: 'floor.FacilitatorPanel.endRound', defaultMessage: 'End the round' },
  roundLimit: {
    id: 'floor.FacilitatorPanel.roundLimit',
    defaultMessage: 'Turn limit for this round (seconds)',
  },
  groupSetting: {
    id: 'floor.FacilitatorPanel.groupSetting',
    defaultMessage: 'group setting',
    description: "Placeholder: when empty, the group's usual turn limit applies",
  },
  startRound: { id: 'floor.FacilitatorPanel.startRound', defaultMessage: 'Start a round' },
  startsWith: {
    id: 'floor.FacilitatorPanel.startsWith',
    defaultMessage: 'Starts with {name}, then follows the seating order.',
  },
  startsFirst: {
    id: 'floor.FacilitatorPanel.startsFirst',
    defaultMessage: 'Starts with the first seat, then follows the seating order.',
  },
});

/** Who the Skip button applies to: the chosen person if they still have a turn in the round, else the current one. */
function skipTarget(floor: FloorView, chosen: string): string | null {
  const round = floor.round;
  if (!round) return null;
  const open = (pid: string) => round.order.includes(pid) && !round.marks[pid];
  if (chosen && open(chosen)) return chosen;
  const holder = floor.holder?.pid;
  if (holder && open(holder)) return holder;
  const next = upcoming(floor);
  return next && open(next) ? next : null;
}

export function FacilitatorPanel() {
  const intl = useIntl();
  const { view, nameOf, act } = useRoomContext();
  const { floor } = view;
  const [picked, setPicked] = useState('');
  /** A round may have its own turn limit; empty means the group's setting. */
  const [roundLimit, setRoundLimit] = useState('');
  // Forget a choice once that person is no longer seated.
  const chosen = floor.seats.includes(picked) ? picked : '';
  const skip = skipTarget(floor, chosen);
  const round = floor.round;
  const roundDone = round ? round.order.filter((p) => round.marks[p]).length : 0;

  return (
    <section className="panel facilitator" aria-labelledby="facilitator-heading">
      <h2 id="facilitator-heading">{intl.formatMessage(m.heading)}</h2>

      <div className="field">
        <label htmlFor="person">{intl.formatMessage(m.person)}</label>
        <select id="person" value={chosen} onChange={(e) => setPicked(e.target.value)}>
          <option value="">{intl.formatMessage(m.choose)}</option>
          {floor.seats.map((pid) => (
            <option key={pid} value={pid}>
              {nameOf(pid)}
              {floor.presence[pid] !== 'here'
                ? ` ${intl.formatMessage(m.presence, {
                    presence: intl.formatMessage(PRESENCE[floor.presence[pid] ?? 'offline']),
                  })}`
                : ''}
            </option>
          ))}
        </select>
      </div>

      <FloorMoves chosen={chosen} />

      <h3>{intl.formatMessage(m.goAround)}</h3>
      {round ? (
        <>
          <p className="status-text">
            {intl.formatMessage(m.roundStatus, { done: roundDone, total: round.order.length })}
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={!skip}
              aria-describedby="skip-target"
              onClick={() => skip && void act('floor:skip', { pid: skip })}
            >
              {intl.formatMessage(m.skip)}
            </button>
            <span id="skip-target" className="hint">
              {skip
                ? intl.formatMessage(m.skips, { name: nameOf(skip) })
                : intl.formatMessage(m.nobodyToSkip)}
            </span>
          </div>
          <button type="button" onClick={() => void act('floor:endRound', {})}>
            {intl.formatMessage(m.endRound)}
          </button>
        </>
      ) : (
        <div className="button-row">
          <label htmlFor="round-limit">{intl.formatMessage(m.roundLimit)}</label>
          <input
            id="round-limit"
            type="number"
            min={LIMITS.turnLimitSecMin}
            max={LIMITS.turnLimitSecMax}
            placeholder={intl.formatMessage(m.groupSetting)}
            value={roundLimit}
            onChange={(e) => setRoundLimit(e.target.value)}
          />
          <button
            type="button"
            disabled={floor.seats.length === 0}
            aria-describedby="round-hint"
            onClick={() =>
              void act('floor:round', {
                ...(chosen ? { from: chosen } : {}),
                ...(Number(roundLimit) >= LIMITS.turnLimitSecMin ? { limitSec: Number(roundLimit) } : {}),
              })
            }
          >
            {intl.formatMessage(m.startRound)}
          </button>
          <span id="round-hint" className="hint">
            {chosen
              ? intl.formatMessage(m.startsWith, { name: nameOf(chosen) })
              : intl.formatMessage(m.startsFirst)}
          </span>
        </div>
      )}

      <TurnSettings />
      <SeatOrder />
    </section>
  );
}
