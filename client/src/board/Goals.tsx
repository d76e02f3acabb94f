import { useId, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { Goal } from '@circle/shared';
import { BOARD_LIMITS } from '@circle/shared';
import type { BalanceActions } from './actions';
import { boardNotice } from './words';

const m = defineMessages({
  heading: { id: 'board.Goals.heading', defaultMessage: 'Goals, most important first' },
  none: { id: 'board.Goals.none', defaultMessage: 'No goals yet.' },
  list: { id: 'board.Goals.list', defaultMessage: 'Goals' },
  up: { id: 'board.Goals.up', defaultMessage: 'Move goal “{text}” up' },
  down: { id: 'board.Goals.down', defaultMessage: 'Move goal “{text}” down' },
  removeGoal: { id: 'board.Goals.removeGoal', defaultMessage: 'Remove goal “{text}”' },
  remove: { id: 'board.Goals.remove', defaultMessage: 'Remove' },
  newGoal: { id: 'board.Goals.newGoal', defaultMessage: 'New goal' },
  add: { id: 'board.Goals.add', defaultMessage: 'Add goal' },
});

/** The owner's goals for this behaviour, most important first; reordered with the arrow buttons. */
export function Goals({ goals, actions }: { goals: Goal[]; actions: BalanceActions }) {
  const intl = useIntl();
  const heading = useId();
  const [text, setText] = useState('');
  return (
    <section className="board-goals" aria-labelledby={heading}>
      <h4 id={heading}>{intl.formatMessage(m.heading)}</h4>
      {goals.length === 0 ? (
        <p className="muted">{intl.formatMessage(m.none)}</p>
      ) : (
        <ol aria-label={intl.formatMessage(m.list)}>
          {goals.map((g, i) => {
            const text = { text: g.text };
            return (
              <li key={g.id}>
                {g.text}
                {actions.canEdit && (
                  <span className="board-item-controls">
                    <button
                      type="button"
                      disabled={i === 0}
                      onClick={() => actions.moveGoal(g.id, -1)}
                      aria-label={intl.formatMessage(m.up, text)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === goals.length - 1}
                      onClick={() => actions.moveGoal(g.id, 1)}
                      aria-label={intl.formatMessage(m.down, text)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => actions.removeGoal(g.id)}
                      aria-label={intl.formatMessage(m.removeGoal, text)}
                    >
                      {intl.formatMessage(m.remove)}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {actions.canEdit && actions.goalsFull && (
        <p className="muted" role="status">
          {boardNotice(intl, 'goals')}
        </p>
      )}
      {actions.canEdit && !actions.goalsFull && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            actions.addGoal(text);
            setText('');
          }}
        >
          <input
            aria-label={intl.formatMessage(m.newGoal)}
            placeholder={intl.formatMessage(m.newGoal)}
            value={text}
            maxLength={BOARD_LIMITS.textMax}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">{intl.formatMessage(m.add)}</button>
        </form>
      )}
    </section>
  );
}
