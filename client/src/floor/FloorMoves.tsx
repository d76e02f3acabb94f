import { useEffect, useState } from 'react';
import { UNDO_WINDOW_MS, upcoming } from '@circle/shared';
import type { FloorView } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';

const m = defineMessages({
  giveNext: {
    id: 'floor.FloorMoves.giveNext',
    defaultMessage: 'Give the word to {name} (next)',
    description: 'Button: hand the right to speak to the next person in line',
  },
  endTurn: {
    id: 'floor.FloorMoves.endTurn',
    defaultMessage: 'End {name}’s turn (nobody is next)',
  },
  nobodyNext: { id: 'floor.FloorMoves.nobodyNext', defaultMessage: 'Nobody is next' },
  give: {
    id: 'floor.FloorMoves.give',
    defaultMessage: 'Give the word',
    description: 'Button: let the chosen person speak (pass them the word)',
  },
  take: { id: 'floor.FloorMoves.take', defaultMessage: 'Take back the word' },
  undo: { id: 'floor.FloorMoves.undo', defaultMessage: 'Undo' },
  undoLeft: {
    id: 'floor.FloorMoves.undoLeft',
    defaultMessage: '({seconds} s)',
    description: 'Seconds left to undo, beside Undo; s = seconds',
  },
  staleTo: {
    id: 'floor.FloorMoves.staleTo',
    defaultMessage: 'The word already moved to {name}. Nothing was changed.',
  },
  staleFree: {
    id: 'floor.FloorMoves.staleFree',
    defaultMessage: 'The word already moved: nobody has it now. Nothing was changed.',
  },
});

/** Who held the word as this screen shows it: every move carries it, so a floor that moved meanwhile refuses it. */
const holderOf = (floor: FloorView) => floor.holder?.pid ?? null;

/** What the Next button does, in words: it names who gets the word, so nobody is handed it by surprise. */
export function nextLabel(intl: IntlShape, floor: FloorView, nameOf: (pid: string) => string): string {
  const next = upcoming(floor);
  if (next) return intl.formatMessage(m.giveNext, { name: nameOf(next) });
  if (floor.holder) return intl.formatMessage(m.endTurn, { name: nameOf(floor.holder.pid) });
  return intl.formatMessage(m.nobodyNext);
}

/** Give the word, take it back, next: each aimed at the floor this screen shows. */
export function FloorMoves({ chosen }: { chosen: string }) {
  const intl = useIntl();
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
        {intl.formatMessage(m.give)}
      </button>
      <button type="button" disabled={!floor.holder} onClick={() => void act('floor:take', { expectHolder })}>
        {intl.formatMessage(m.take)}
      </button>
      <button
        type="button"
        disabled={!next && !floor.holder}
        onClick={() => void act('floor:next', { expectHolder, expectNext: next })}
      >
        {nextLabel(intl, floor, nameOf)}
      </button>
    </div>
  );
}

/**
 * Undo for the last give / take back / next, offered to facilitators next to the status line while the
 * server would still accept it (5 s, and nothing else moved the floor: the server forgets the move then).
 */
export function UndoMove() {
  const intl = useIntl();
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
      {intl.formatMessage(m.undo)}{' '}
      <span aria-hidden="true">{intl.formatMessage(m.undoLeft, { seconds: Math.ceil(left / 1000) })}</span>
    </button>
  );
}

/** What a facilitator reads when their move was refused because the word had already moved. */
export function staleMessage(
  intl: IntlShape,
  floor: FloorView | undefined,
  nameOf: (pid: string) => string,
): string {
  const holder = floor?.holder?.pid;
  return holder ? intl.formatMessage(m.staleTo, { name: nameOf(holder) }) : intl.formatMessage(m.staleFree);
}
