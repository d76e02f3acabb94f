import { useId, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { BoardItem, Quadrant as QuadrantId } from '@circle/shared';
import { AddForm } from './AddForm';
import { ItemRow } from './ItemRow';
import type { BalanceActions } from './actions';
import { quadrantLabel } from './words';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  empty: { id: 'board.Quadrant.empty', defaultMessage: 'Nothing here yet.' },
  items: { id: 'board.Quadrant.items', defaultMessage: '{quadrant}: items' },
  showFirst: {
    id: 'board.Quadrant.showFirst',
    defaultMessage: 'Show the first {count, plural, one {# item} other {# items}} only',
  },
  showAll: {
    id: 'board.Quadrant.showAll',
    defaultMessage: 'Show all {count, plural, one {# item} other {# items}}',
  },
  newItem: { id: 'board.Quadrant.newItem', defaultMessage: 'New item' },
  add: { id: 'board.Quadrant.add', defaultMessage: 'Add' },
  suggestion: { id: 'board.Quadrant.suggestion', defaultMessage: 'Suggestion' },
  suggest: { id: 'board.Quadrant.suggest', defaultMessage: 'Suggest' },
});

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
  const intl = useIntl();
  const { nameOf } = useRoomContext();
  const heading = useId();
  const [all, setAll] = useState(false);
  const label = quadrantLabel(intl, quadrant);
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <section className={`quadrant quadrant-${quadrant}`} aria-labelledby={heading}>
      <h4 id={heading}>{label}</h4>
      {items.length === 0 ? (
        <p className="muted">{intl.formatMessage(m.empty)}</p>
      ) : (
        <ol className="plain board-items" aria-label={intl.formatMessage(m.items, { quadrant: label })}>
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
          {all
            ? intl.formatMessage(m.showFirst, { count: FIRST_ROWS })
            : intl.formatMessage(m.showAll, { count: items.length })}
        </button>
      )}
      {actions.canEdit && !actions.itemsFull && (
        <AddForm
          textLabel={intl.formatMessage(m.newItem)}
          button={intl.formatMessage(m.add)}
          onAdd={(t, w) => actions.addItem(quadrant, t, w)}
        />
      )}
      {actions.canSuggest && (
        <AddForm
          textLabel={intl.formatMessage(m.suggestion)}
          button={intl.formatMessage(m.suggest)}
          onAdd={(t, w) => actions.suggest(quadrant, t, w)}
        />
      )}
    </section>
  );
}
