import type { BalanceSnapshot, BoardModel } from '@circle/shared';
import { compareBalances, hasChanges, STAGE_LABELS } from '@circle/shared';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** For the owner: how the balance moved since the end of the last meeting. */
export function ChangesSince({ previous, model }: { previous: BalanceSnapshot; model: BoardModel }) {
  const c = compareBalances(previous.model, model);
  const when = new Date(previous.at).toLocaleDateString();
  return (
    <details className="board-changes">
      <summary>Since the last meeting ({when})</summary>
      {!hasChanges(c) ? (
        <p>Nothing has changed since then.</p>
      ) : (
        <ul>
          {c.lean.from !== c.lean.to && (
            <li>
              Change minus stay went from {signed(c.lean.from)} to {signed(c.lean.to)}.
            </li>
          )}
          {c.stage && (
            <li>
              Stage: {c.stage.from ? STAGE_LABELS[c.stage.from] : 'not recorded'} →{' '}
              {c.stage.to ? STAGE_LABELS[c.stage.to] : 'not recorded'}
            </li>
          )}
          {c.added.map((i) => (
            <li key={`a${i.id}`}>
              Added “{i.text}” ({i.importance} of 5)
            </li>
          ))}
          {c.removed.map((i) => (
            <li key={`r${i.id}`}>Removed “{i.text}”</li>
          ))}
          {c.reweighed.map(({ item, from }) => (
            <li key={`w${item.id}`}>
              “{item.text}” now weighs {item.importance} (was {from})
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
