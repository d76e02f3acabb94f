import { memo, useState } from 'react';
import type { BoardItem } from '@circle/shared';
import { BOARD_LIMITS } from '@circle/shared';
import { ImportanceSelect } from './ImportanceSelect';

interface Props {
  item: BoardItem;
  first: boolean;
  last: boolean;
  /** Null for people who only read (or suggest): they see the item, not its controls. */
  edit: {
    update: (patch: { text?: string; importance?: number }) => void;
    move: (by: -1 | 1) => void;
    remove: () => void;
    editing: (on: boolean) => void;
  } | null;
  /** Names of others editing this item right now. */
  others: string[];
}

/** One reason: its text and weight, and for the owner and facilitators the keyboard-reachable controls. */
function Row({ item, first, last, edit, others }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const quoted = `“${item.text}”`;

  const start = () => {
    setDraft(item.text);
    edit?.editing(true);
  };
  const stop = (save: boolean) => {
    if (save && draft !== null && draft.trim()) edit?.update({ text: draft });
    setDraft(null);
    edit?.editing(false);
  };

  return (
    <li className="board-item">
      {draft !== null ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            stop(true);
          }}
        >
          <input
            aria-label={`Text of ${quoted}`}
            value={draft}
            maxLength={BOARD_LIMITS.textMax}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && stop(false)}
          />
          <button type="submit">Save</button>
          <button type="button" onClick={() => stop(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span className="board-item-text">{item.text}</span>
      )}
      {edit ? (
        <span className="board-item-controls">
          <ImportanceSelect
            label={`Importance of ${quoted}`}
            value={item.importance}
            onChange={(importance) => edit.update({ importance })}
          />
          {draft === null && (
            <button type="button" onClick={start}>
              Edit <span className="sr-only">{quoted}</span>
            </button>
          )}
          <button
            type="button"
            onClick={() => edit.move(-1)}
            disabled={first}
            aria-label={`Move ${quoted} up`}
          >
            ↑
          </button>
          <button
            type="button"
            onClick={() => edit.move(1)}
            disabled={last}
            aria-label={`Move ${quoted} down`}
          >
            ↓
          </button>
          <button type="button" className="danger" onClick={edit.remove} aria-label={`Remove ${quoted}`}>
            Remove
          </button>
        </span>
      ) : (
        <span className="board-weight" aria-label={`importance ${item.importance} of 5`}>
          {'●'.repeat(item.importance)}
          {'○'.repeat(5 - item.importance)}
        </span>
      )}
      {others.length > 0 && <span className="muted"> · {others.join(', ')} editing</span>}
    </li>
  );
}

/**
 * Re-rendered only when what it shows changes: on a board of thousands of items a remote edit then costs
 * one row, not all of them. The callbacks are not compared: they act on the item by id through the
 * balance's current doc, so an older set does the same thing.
 */
export const ItemRow = memo(
  Row,
  (a, b) =>
    a.item.id === b.item.id &&
    a.item.text === b.item.text &&
    a.item.importance === b.item.importance &&
    a.first === b.first &&
    a.last === b.last &&
    !a.edit === !b.edit &&
    a.others.join() === b.others.join(),
);
