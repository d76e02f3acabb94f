import { useEffect } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { upcoming } from '@circle/shared';
import { UndoMove } from '../floor/FloorMoves';
import { useTurnClock } from '../floor/useTurnClock';
import { useRoomContext } from './RoomContext';
import { EncryptionStatus } from '../e2ee/EncryptionStatus';

const m = defineMessages({
  youHave: { id: 'room.StatusStrip.youHave', defaultMessage: 'You have the word' },
  otherHas: { id: 'room.StatusStrip.otherHas', defaultMessage: '{name} has the word' },
  free: { id: 'room.StatusStrip.free', defaultMessage: 'The word is free' },
  nextYou: { id: 'room.StatusStrip.nextYou', defaultMessage: 'Next: you' },
  nextOther: { id: 'room.StatusStrip.nextOther', defaultMessage: 'Next: {name}' },
  hands: {
    id: 'room.StatusStrip.hands',
    defaultMessage: '{count, plural, one {# hand up} other {# hands up}}',
    description: 'How many people have raised their hand to ask for the word',
  },
});

/** The floor as it is now, in one line: "Ana has the word · 1:49 left · Next: Ben · 2 hands up". */
function useFloorLine(): string {
  const intl = useIntl();
  const { view, me, nameOf } = useRoomContext();
  const { floor } = view;
  const turnClock = useTurnClock();
  const parts: string[] = [];
  const holder = floor.holder?.pid;
  if (holder)
    parts.push(
      holder === me.pid
        ? intl.formatMessage(m.youHave)
        : intl.formatMessage(m.otherHas, { name: nameOf(holder) }),
    );
  else parts.push(intl.formatMessage(m.free));
  if (turnClock && floor.holder?.limitMs != null) parts.push(turnClock.text);
  const next = upcoming(floor);
  if (next && next !== holder)
    parts.push(
      next === me.pid
        ? intl.formatMessage(m.nextYou)
        : intl.formatMessage(m.nextOther, { name: nameOf(next) }),
    );
  const hands = floor.queue.length;
  if (hands > 0) parts.push(intl.formatMessage(m.hands, { count: hands }));
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
      <EncryptionStatus />
    </div>
  );
}
