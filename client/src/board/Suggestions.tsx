import { useId } from 'react';
import type { ReactNode } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Suggestion } from '@circle/shared';
import type { BalanceActions } from './actions';
import { boardNotice, quadrantLabel } from './words';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'board.Suggestions.heading', defaultMessage: 'Suggestions' },
  none: { id: 'board.Suggestions.none', defaultMessage: 'No suggestions waiting.' },
  waiting: { id: 'board.Suggestions.waiting', defaultMessage: 'Suggestions waiting' },
  suggestion: {
    id: 'board.Suggestions.suggestion',
    defaultMessage: '“{text}” for <em>{quadrant}</em>, importance {importance} of 5',
    description: 'A suggested reason: its text, the quadrant it is for, its weight',
  },
  from: {
    id: 'board.Suggestions.from',
    defaultMessage: '· from {mine, select, yes {you} other {{name}}}',
  },
  accept: { id: 'board.Suggestions.accept', defaultMessage: 'Accept' },
  acceptLabel: { id: 'board.Suggestions.acceptLabel', defaultMessage: 'Accept “{text}”' },
  dismiss: { id: 'board.Suggestions.dismiss', defaultMessage: 'Dismiss' },
  dismissLabel: { id: 'board.Suggestions.dismissLabel', defaultMessage: 'Dismiss “{text}”' },
  withdraw: { id: 'board.Suggestions.withdraw', defaultMessage: 'Withdraw' },
  withdrawLabel: { id: 'board.Suggestions.withdrawLabel', defaultMessage: 'Withdraw “{text}”' },
});

const em = (chunks: ReactNode[]) => <em>{chunks}</em>;

/** Proposals from the group, waiting for the owner (or a facilitator) to take them in or let them go. */
export function Suggestions({
  suggestions,
  actions,
}: {
  suggestions: Suggestion[];
  actions: BalanceActions;
}) {
  const intl = useIntl();
  const { me, nameOf } = useRoomContext();
  const myPid = me.pid;
  const heading = useId();
  return (
    <section className="board-suggestions" aria-labelledby={heading}>
      <h4 id={heading}>{intl.formatMessage(m.heading)}</h4>
      {actions.suggestionsFull && <p className="muted">{boardNotice(intl, 'suggestions')}</p>}
      {suggestions.length === 0 ? (
        <p className="muted">{intl.formatMessage(m.none)}</p>
      ) : (
        <ul className="plain" aria-label={intl.formatMessage(m.waiting)}>
          {suggestions.map((s) => {
            const text = { text: s.text };
            return (
              <li key={s.id}>
                <span>
                  <FormattedMessage
                    {...m.suggestion}
                    values={{
                      text: s.text,
                      quadrant: quadrantLabel(intl, s.quadrant),
                      importance: s.importance,
                      em,
                    }}
                  />
                  <span className="muted">
                    {' '}
                    {intl.formatMessage(m.from, { mine: s.by === myPid ? 'yes' : 'no', name: nameOf(s.by) })}
                  </span>
                </span>
                <span className="button-row">
                  {actions.canEdit && (
                    <>
                      <button
                        type="button"
                        disabled={actions.itemsFull}
                        title={actions.itemsFull ? boardNotice(intl, 'items') : undefined}
                        onClick={() => actions.accept(s.id)}
                        aria-label={intl.formatMessage(m.acceptLabel, text)}
                      >
                        {intl.formatMessage(m.accept)}
                      </button>
                      <button
                        type="button"
                        onClick={() => actions.dismiss(s.id)}
                        aria-label={intl.formatMessage(m.dismissLabel, text)}
                      >
                        {intl.formatMessage(m.dismiss)}
                      </button>
                    </>
                  )}
                  {!actions.canEdit && s.by === myPid && (
                    <button
                      type="button"
                      onClick={() => actions.dismiss(s.id)}
                      aria-label={intl.formatMessage(m.withdrawLabel, text)}
                    >
                      {intl.formatMessage(m.withdraw)}
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
