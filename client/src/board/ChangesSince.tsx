import { defineMessages, useIntl } from 'react-intl';
import type { BalanceSnapshot, BoardModel } from '@circle/shared';
import { compareBalances, hasChanges } from '@circle/shared';
import { stageLabel } from './words';

const m = defineMessages({
  since: { id: 'board.ChangesSince.since', defaultMessage: 'Since the last meeting ({when, date})' },
  nothing: { id: 'board.ChangesSince.nothing', defaultMessage: 'Nothing has changed since then.' },
  lean: {
    id: 'board.ChangesSince.lean',
    defaultMessage: 'Change minus stay went from {from} to {to}.',
    description: 'The weight of reasons to change minus reasons to stay; numbers carry their sign (+3, -2)',
  },
  stage: { id: 'board.ChangesSince.stage', defaultMessage: 'Stage: {from} → {to}' },
  added: { id: 'board.ChangesSince.added', defaultMessage: 'Added “{text}” ({importance} of 5)' },
  removed: { id: 'board.ChangesSince.removed', defaultMessage: 'Removed “{text}”' },
  reweighed: {
    id: 'board.ChangesSince.reweighed',
    defaultMessage: '“{text}” now weighs {importance} (was {from})',
  },
});

/** For the owner: how the balance moved since the end of the last meeting. */
export function ChangesSince({ previous, model }: { previous: BalanceSnapshot; model: BoardModel }) {
  const intl = useIntl();
  const c = compareBalances(previous.model, model);
  const signed = (n: number) => intl.formatNumber(n, { signDisplay: 'exceptZero' });
  return (
    <details className="board-changes">
      <summary>{intl.formatMessage(m.since, { when: previous.at })}</summary>
      {!hasChanges(c) ? (
        <p>{intl.formatMessage(m.nothing)}</p>
      ) : (
        <ul>
          {c.lean.from !== c.lean.to && (
            <li>{intl.formatMessage(m.lean, { from: signed(c.lean.from), to: signed(c.lean.to) })}</li>
          )}
          {c.stage && (
            <li>
              {intl.formatMessage(m.stage, {
                from: stageLabel(intl, c.stage.from),
                to: stageLabel(intl, c.stage.to),
              })}
            </li>
          )}
          {c.added.map((i) => (
            <li key={`a${i.id}`}>
              {intl.formatMessage(m.added, { text: i.text, importance: i.importance })}
            </li>
          ))}
          {c.removed.map((i) => (
            <li key={`r${i.id}`}>{intl.formatMessage(m.removed, { text: i.text })}</li>
          ))}
          {c.reweighed.map(({ item, from }) => (
            <li key={`w${item.id}`}>
              {intl.formatMessage(m.reweighed, { text: item.text, importance: item.importance, from })}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
