import { memo, useState } from 'react';
import type { ReactNode } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { BoardItem } from '@circle/shared';
import { BOARD_LIMITS } from '@circle/shared';
import { ImportanceSelect } from './ImportanceSelect';
import { importanceOf } from './words';

const m = defineMessages({
  textOf: { id: 'board.ItemRow.textOf', defaultMessage: 'Text of “{text}”' },
  save: { id: 'board.ItemRow.save', defaultMessage: 'Save' },
  cancel: { id: 'board.ItemRow.cancel', defaultMessage: 'Cancel' },
  importanceOf: { id: 'board.ItemRow.importanceOf', defaultMessage: 'Importance of “{text}”' },
  edit: {
    id: 'board.ItemRow.edit',
    defaultMessage: 'Edit <hidden>“{text}”</hidden>',
    description: 'The part in <hidden> is read only by screen readers',
  },
  up: { id: 'board.ItemRow.up', defaultMessage: 'Move “{text}” up' },
  down: { id: 'board.ItemRow.down', defaultMessage: 'Move “{text}” down' },
  removeLabel: { id: 'board.ItemRow.removeLabel', defaultMessage: 'Remove “{text}”' },
  remove: { id: 'board.ItemRow.remove', defaultMessage: 'Remove' },
  editing: {
    id: 'board.ItemRow.editing',
    defaultMessage: '· {count, plural, one {{names} editing} other {{names} editing}}',
    description:
      'Who else is editing this item now; names is a list (“Ana and Ben”), count how many (for the verb)',
  },
});

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
  const intl = useIntl();
  const [draft, setDraft] = useState<string | null>(null);
  const text = { text: item.text };

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
            aria-label={intl.formatMessage(m.textOf, text)}
            value={draft}
            maxLength={BOARD_LIMITS.textMax}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && stop(false)}
          />
          <button type="submit">{intl.formatMessage(m.save)}</button>
          <button type="button" onClick={() => stop(false)}>
            {intl.formatMessage(m.cancel)}
          </button>
        </form>
      ) : (
        <span className="board-item-text">{item.text}</span>
      )}
      {edit ? (
        <span className="board-item-controls">
          <ImportanceSelect
            label={intl.formatMessage(m.importanceOf, text)}
            value={item.importance}
            onChange={(importance) => edit.update({ importance })}
          />
          {draft === null && (
            <button type="button" onClick={start}>
              {intl.formatMessage(m.edit, {
                ...text,
                hidden: (chunks: ReactNode[]) => (
                  <span className="sr-only" key="hidden">
                    {chunks}
                  </span>
                ),
              })}
            </button>
          )}
          <button
            type="button"
            onClick={() => edit.move(-1)}
            disabled={first}
            aria-label={intl.formatMessage(m.up, text)}
          >
            ↑
          </button>
          <button
            type="button"
            onClick={() => edit.move(1)}
            disabled={last}
            aria-label={intl.formatMessage(m.down, text)}
          >
            ↓
          </button>
          <button
            type="button"
            className="danger"
            onClick={edit.remove}
            aria-label={intl.formatMessage(m.removeLabel, text)}
          >
            {intl.formatMessage(m.remove)}
          </button>
        </span>
      ) : (
        <span className="board-weight" aria-label={importanceOf(intl, item.importance)}>
          {'●'.repeat(item.importance)}
          {'○'.repeat(5 - item.importance)}
        </span>
      )}
      {others.length > 0 && (
        <span className="muted">
          {' '}
          {intl.formatMessage(m.editing, {
            names: intl.formatList(others, { type: 'conjunction' }),
            count: others.length,
          })}
        </span>
      )}
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
