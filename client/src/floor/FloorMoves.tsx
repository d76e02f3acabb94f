import { useEffect, useState } from 'react';
import { UNDO_WINDOW_MS, upcoming } from '@circle/shared';
import type { FloorState } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';

/** Who held the word as this screen shows it: every move carries it, so a floor that moved meanwhile refuses it. */
const holderOf = (floor: FloorState) => floor.holder?.pid ?? null;

/** What the Next button does, in words: it names who gets the word, so nobody is handed it by surprise. */
export function nextLabel(floor: FloorState, nameOf: (pid: string) => string): string {
  const next = upcoming(floor);
  if (next) return `Give the word to ${nameOf(next)} (next)`;
  if (floor.holder) return `End ${nameOf(floor.holder.pid)}’s turn (nobody is next)`;
  return 'Nobody is next';
}

/** Give the word, take it back, next: each aimed at the floor this screen shows. */
export function FloorMoves({ chosen }: { chosen: string }) {
  const { view, nameOf, act } = useRoomContext();
  const { floor } = view;
  const expectHolder = holderOf(floor);
  const next = upcoming(floor);
  return (
    <div className="button-row">
      <button
        type="button"
        className="primary"
        disabled={!chosen}
        onClick={() => void act('floor:give', { pid: chosen, expectHolder })}
      >
        Give the word
      </button>
      <button type="button" disabled={!floor.holder} onClick={() => void act('floor:take', { expectHolder })}>
        Take back the word
      </button>
      <button
        type="button"
        disabled={!next && !floor.holder}
        onClick={() => void act('floor:next', { expectHolder, expectNext: next })}
      >
        {nextLabel(floor, nameOf)}
      </button>
    </div>
  );
}

/**
 * Undo for the last give / take back / next, offered to facilitators next to the status line while the
 * server would still accept it (5 s, and nothing else moved the floor: the server forgets the move then).
 */
export function UndoMove() {
  const { view, clockOffset, act } = useRoomContext();
  const move = view.floor.lastMove;
  const [now, setNow] = useState(() => Date.now());
  const left = move ? move.at + UNDO_WINDOW_MS - (now + clockOffset) : 0;
  useEffect(() => {
    if (!move) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [move]);
  if (!move || left <= 0) return null;
  return (
    <button
      type="button"
      className="undo-move"
      onClick={() => void act('floor:undo', { expectHolder: holderOf(view.floor) })}
    >
      {/* The countdown is for the eye; a screen reader hears a steady "Undo" rather than a new name each second. */}
      Undo <span aria-hidden="true">({Math.ceil(left / 1000)} s)</span>
    </button>
  );
}

/** What a facilitator reads when their move was refused because the word had already moved. */
export function staleMessage(floor: FloorState | undefined, nameOf: (pid: string) => string): string {
  const holder = floor?.holder?.pid;
  return holder
    ? `The word already moved to ${nameOf(holder)}. Nothing was changed.`
    : 'The word already moved: nobody has it now. Nothing was changed.';
}
