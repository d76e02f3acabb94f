import { useId } from 'react';
import type { Suggestion } from '@circle/shared';
import { QUADRANT_LABELS } from '@circle/shared';
import type { BalanceActions } from './actions';
import { FULL } from './full';
import { useRoomContext } from '../room/RoomContext';

/** Proposals from the group, waiting for the owner (or a facilitator) to take them in or let them go. */
export function Suggestions({
  suggestions,
  actions,
}: {
  suggestions: Suggestion[];
  actions: BalanceActions;
}) {
  const { me, nameOf } = useRoomContext();
  const myPid = me.pid;
  const heading = useId();
  return (
    <section className="board-suggestions" aria-labelledby={heading}>
      <h4 id={heading}>Suggestions</h4>
      {actions.suggestionsFull && <p className="muted">{FULL.suggestions}</p>}
      {suggestions.length === 0 ? (
        <p className="muted">No suggestions waiting.</p>
      ) : (
        <ul className="plain" aria-label="Suggestions waiting">
          {suggestions.map((s) => {
            const quoted = `“${s.text}”`;
            return (
              <li key={s.id}>
                <span>
                  {quoted} for <em>{QUADRANT_LABELS[s.quadrant]}</em>, importance {s.importance} of 5
                  <span className="muted"> · from {s.by === myPid ? 'you' : nameOf(s.by)}</span>
                </span>
                <span className="button-row">
                  {actions.canEdit && (
                    <>
                      <button
                        type="button"
                        disabled={actions.itemsFull}
                        title={actions.itemsFull ? FULL.items : undefined}
                        onClick={() => actions.accept(s.id)}
                        aria-label={`Accept ${quoted}`}
                      >
                        Accept
                      </button>
                      <button
                        type="button"
                        onClick={() => actions.dismiss(s.id)}
                        aria-label={`Dismiss ${quoted}`}
                      >
                        Dismiss
                      </button>
                    </>
                  )}
                  {!actions.canEdit && s.by === myPid && (
                    <button
                      type="button"
                      onClick={() => actions.dismiss(s.id)}
                      aria-label={`Withdraw ${quoted}`}
                    >
                      Withdraw
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
