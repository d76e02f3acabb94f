import { useId, useState } from 'react';
import type { Goal } from '@circle/shared';
import { BOARD_LIMITS } from '@circle/shared';
import type { BalanceActions } from './actions';
import { FULL } from './full';

/** The owner's goals for this behaviour, most important first; reordered with the arrow buttons. */
export function Goals({ goals, actions }: { goals: Goal[]; actions: BalanceActions }) {
  const heading = useId();
  const [text, setText] = useState('');
  return (
    <section className="board-goals" aria-labelledby={heading}>
      <h4 id={heading}>Goals, most important first</h4>
      {goals.length === 0 ? (
        <p className="muted">No goals yet.</p>
      ) : (
        <ol aria-label="Goals">
          {goals.map((g, i) => {
            const quoted = `“${g.text}”`;
            return (
              <li key={g.id}>
                {g.text}
                {actions.canEdit && (
                  <span className="board-item-controls">
                    <button
                      type="button"
                      disabled={i === 0}
                      onClick={() => actions.moveGoal(g.id, -1)}
                      aria-label={`Move goal ${quoted} up`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === goals.length - 1}
                      onClick={() => actions.moveGoal(g.id, 1)}
                      aria-label={`Move goal ${quoted} down`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => actions.removeGoal(g.id)}
                      aria-label={`Remove goal ${quoted}`}
                    >
                      Remove
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
          {FULL.goals}
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
            aria-label="New goal"
            placeholder="New goal"
            value={text}
            maxLength={BOARD_LIMITS.textMax}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">Add goal</button>
        </form>
      )}
    </section>
  );
}
