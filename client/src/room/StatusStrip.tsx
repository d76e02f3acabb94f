import { useEffect } from 'react';
import { upcoming } from '@circle/shared';
import { UndoMove } from '../floor/FloorMoves';
import { useTurnClock } from '../floor/useTurnClock';
import { useRoomContext } from './RoomContext';

/** The floor as it is now, in one line: "Ana has the word · 1:49 left · Next: Ben · 2 hands up". */
function useFloorLine(): string {
  const { view, me, nameOf } = useRoomContext();
  const { floor } = view;
  const turnClock = useTurnClock();
  const parts: string[] = [];
  const holder = floor.holder?.pid;
  if (holder) parts.push(holder === me.pid ? 'You have the word' : `${nameOf(holder)} has the word`);
  else parts.push('The word is free');
  if (turnClock && floor.holder?.limitMs != null) parts.push(turnClock.text);
  const next = upcoming(floor);
  if (next && next !== holder) parts.push(`Next: ${next === me.pid ? 'you' : nameOf(next)}`);
  const hands = floor.queue.length;
  if (hands > 0) parts.push(`${hands} hand${hands === 1 ? '' : 's'} up`);
  return parts.join(' · ');
}

/**
 * One line of current state instead of a pile of notices; the same line is the tab title, so a
 * facilitator in another tab sees it too. `alert` (a support request) goes first in the title.
 */
export function StatusStrip({ alert }: { alert?: string }) {
  const { view, facilitator } = useRoomContext();
  const line = useFloorLine();
  const title = `${alert ? `${alert} · ` : ''}${line} — ${view.groupName}`;
  // Put the page's own title back when the room screen goes (declared first, so it reads the original).
  useEffect(() => {
    const before = document.title;
    return () => {
      document.title = before;
    };
  }, []);
  useEffect(() => {
    document.title = title;
  }, [title]);
  // A facilitator's Undo sits right next to the line it changes.
  return (
    <div className="status-row">
      <p className="status-strip">{line}</p>
      {facilitator && <UndoMove />}
    </div>
  );
}
