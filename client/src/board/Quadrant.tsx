import { useId, useState } from 'react';
import type { BoardItem, Quadrant as QuadrantId } from '@circle/shared';
import { QUADRANT_LABELS } from '@circle/shared';
import { AddForm } from './AddForm';
import { ItemRow } from './ItemRow';
import type { BalanceActions } from './actions';
import { useRoomContext } from '../room/RoomContext';

interface Props {
  quadrant: QuadrantId;
  items: BoardItem[];
  actions: BalanceActions;
  /** pid lists by item id, of others editing right now. */
  editors: Map<string, string[]>;
}

/** Rows drawn at first; a board of thousands would otherwise take seconds to appear. */
const FIRST_ROWS = 200;

/** One of the four lists, with its own add (or suggest) form at the bottom. */
export function Quadrant({ quadrant, items, actions, editors }: Props) {
  const { nameOf } = useRoomContext();
  const heading = useId();
  const [all, setAll] = useState(false);
  const label = QUADRANT_LABELS[quadrant];
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <section className={`quadrant quadrant-${quadrant}`} aria-labelledby={heading}>
      <h4 id={heading}>{label}</h4>
      {items.length === 0 ? (
        <p className="muted">Nothing here yet.</p>
      ) : (
        <ol className="plain board-items" aria-label={`${label}: items`}>
          {shown.map((item, i) => (
            <ItemRow
              key={item.id}
              item={item}
              first={i === 0}
              last={i === items.length - 1}
              others={(editors.get(item.id) ?? []).map(nameOf)}
              edit={
                actions.canEdit
                  ? {
                      update: (patch) => actions.updateItem(item.id, patch),
                      move: (by) => actions.moveItem(item.id, by),
                      remove: () => actions.removeItem(item.id),
                      editing: (on) => actions.editing(on ? item.id : null),
                    }
                  : null
              }
            />
          ))}
        </ol>
      )}
      {items.length > FIRST_ROWS && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_ROWS} only` : `Show all ${items.length} items`}
        </button>
      )}
      {actions.canEdit && !actions.itemsFull && (
        <AddForm textLabel="New item" button="Add" onAdd={(t, w) => actions.addItem(quadrant, t, w)} />
      )}
      {actions.canSuggest && (
        <AddForm textLabel="Suggestion" button="Suggest" onAdd={(t, w) => actions.suggest(quadrant, t, w)} />
      )}
    </section>
  );
}
