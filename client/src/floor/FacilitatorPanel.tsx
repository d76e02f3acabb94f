import { useState } from 'react';
import { LIMITS, upcoming } from '@circle/shared';
import type { FloorState } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { FloorMoves } from './FloorMoves';
import { SeatOrder } from './SeatOrder';
import { TurnSettings } from './TurnSettings';

/** Who the Skip button applies to: the chosen person if they still have a turn in the round, else the current one. */
function skipTarget(floor: FloorState, chosen: string): string | null {
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
      <h2 id="facilitator-heading">Facilitation</h2>

      <div className="field">
        <label htmlFor="person">Person</label>
        <select id="person" value={chosen} onChange={(e) => setPicked(e.target.value)}>
          <option value="">Choose a person…</option>
          {floor.seats.map((pid) => (
            <option key={pid} value={pid}>
              {nameOf(pid)}
              {floor.presence[pid] !== 'here' ? ` (${floor.presence[pid] ?? 'offline'})` : ''}
            </option>
          ))}
        </select>
      </div>

      <FloorMoves chosen={chosen} />

      <h3>Go-around</h3>
      {round ? (
        <>
          <p className="status-text">
            Round in progress: {roundDone} of {round.order.length} done.
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={!skip}
              aria-describedby="skip-target"
              onClick={() => skip && void act('floor:skip', { pid: skip })}
            >
              Skip
            </button>
            <span id="skip-target" className="hint">
              {skip ? `Skips ${nameOf(skip)} in this round` : 'Nobody left to skip'}
            </span>
          </div>
          <button type="button" onClick={() => void act('floor:endRound', {})}>
            End the round
          </button>
        </>
      ) : (
        <div className="button-row">
          <label htmlFor="round-limit">Turn limit for this round (seconds)</label>
          <input
            id="round-limit"
            type="number"
            min={LIMITS.turnLimitSecMin}
            max={LIMITS.turnLimitSecMax}
            placeholder="group setting"
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
            Start a round
          </button>
          <span id="round-hint" className="hint">
            {chosen ? `Starts with ${nameOf(chosen)}` : 'Starts with the first seat'}, then follows the
            seating order.
          </span>
        </div>
      )}

      <TurnSettings />
      <SeatOrder />
    </section>
  );
}
