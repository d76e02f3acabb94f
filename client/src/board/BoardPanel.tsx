import './board.css';
import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { BOARD_LIMITS } from '@circle/shared';
import { OpenBalance } from './OpenBalance';
import type { Boards } from './useBoards';
import { boardNotice } from './words';
import { describeError } from '../errors';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'board.BoardPanel.heading', defaultMessage: 'Decisional balances' },
  behaviour: {
    id: 'board.BoardPanel.behaviour',
    defaultMessage: 'Behaviour',
    description: 'The behaviour a new decisional balance is about (its title)',
  },
  example: { id: 'board.BoardPanel.example', defaultMessage: 'e.g. my drinking' },
  start: { id: 'board.BoardPanel.start', defaultMessage: 'Start a balance' },
  dismiss: { id: 'board.BoardPanel.dismiss', defaultMessage: 'Dismiss' },
  balances: { id: 'board.BoardPanel.balances', defaultMessage: 'Balances' },
  yours: { id: 'board.BoardPanel.yours', defaultMessage: 'Yours' },
  mine: {
    id: 'board.BoardPanel.mine',
    defaultMessage: '{title}{shared, select, yes { (shared)} other {}}',
    description: 'One of my balances in the list',
  },
  others: { id: 'board.BoardPanel.others', defaultMessage: 'Others’ balances' },
  sharedWithRoom: { id: 'board.BoardPanel.sharedWithRoom', defaultMessage: 'Shared with the room' },
  noneYet: { id: 'board.BoardPanel.noneYet', defaultMessage: 'None yet.' },
  theirs: {
    id: 'board.BoardPanel.theirs',
    defaultMessage: '{title} ({owner}{shared, select, yes {} other {, private}})',
    description: 'Someone else’s balance in the list: its title, its owner, whether it is private',
  },
  onScreen: {
    id: 'board.BoardPanel.onScreen',
    defaultMessage: 'This balance is on everyone’s screen, above.',
  },
});

/** The decisional balances this person may see: theirs, and those shared (or, for facilitators, all). */
export function BoardPanel({ boards }: { boards: Boards }) {
  const intl = useIntl();
  const { me, view, nameOf } = useRoomContext();
  // Listeners (beyond the seats) keep no balances, like observers: the server refuses them.
  const listener = view.participants.some((p) => p.pid === me.pid && p.listener);
  const [title, setTitle] = useState('');
  const mine = boards.list.filter((b) => b.owner === me.pid);
  const others = boards.list.filter((b) => b.owner !== me.pid);
  const selected = boards.selected;
  const item = (b: (typeof boards.list)[number], label: string) => (
    <li key={b.id}>
      <button
        type="button"
        className="link-button"
        aria-current={b.id === selected ? 'true' : undefined}
        onClick={() => boards.select(b.id === selected ? null : b.id)}
      >
        {label}
      </button>
    </li>
  );

  return (
    <section className="panel board-panel" aria-labelledby="board-heading">
      <h2 id="board-heading">{intl.formatMessage(m.heading)}</h2>
      {me.role !== 'observer' && !listener && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (title.trim() && (await boards.create(title.trim()))) setTitle('');
          }}
        >
          <label>
            {intl.formatMessage(m.behaviour)}{' '}
            <input
              value={title}
              maxLength={BOARD_LIMITS.titleMax}
              placeholder={intl.formatMessage(m.example)}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <button type="submit">{intl.formatMessage(m.start)}</button>
        </form>
      )}
      {boards.error && (
        <p className="error" role="alert">
          {'limit' in boards.error ? boardNotice(intl, 'balances') : describeError(intl, boards.error.err)}{' '}
          <button type="button" className="link-button" onClick={boards.dismissError}>
            {intl.formatMessage(m.dismiss)}
          </button>
        </p>
      )}
      <nav aria-label={intl.formatMessage(m.balances)}>
        {mine.length > 0 && (
          <>
            <h3>{intl.formatMessage(m.yours)}</h3>
            <ul className="plain">
              {mine.map((b) =>
                item(b, intl.formatMessage(m.mine, { title: b.title, shared: b.shared ? 'yes' : 'no' })),
              )}
            </ul>
          </>
        )}
        <h3>{intl.formatMessage(me.role === 'facilitator' ? m.others : m.sharedWithRoom)}</h3>
        {others.length === 0 ? (
          <p className="muted">{intl.formatMessage(m.noneYet)}</p>
        ) : (
          <ul className="plain">
            {others.map((b) =>
              item(
                b,
                intl.formatMessage(m.theirs, {
                  title: b.title,
                  owner: nameOf(b.owner),
                  shared: b.shared ? 'yes' : 'no',
                }),
              ),
            )}
          </ul>
        )}
      </nav>
      {selected && selected === boards.spotlight ? (
        <p className="muted">{intl.formatMessage(m.onScreen)}</p>
      ) : (
        selected && <OpenBalance id={selected} boards={boards} />
      )}
    </section>
  );
}
