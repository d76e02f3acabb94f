import './board.css';
import { useState } from 'react';
import { BOARD_LIMITS } from '@circle/shared';
import { OpenBalance } from './OpenBalance';
import type { Boards } from './useBoards';
import { useRoomContext } from '../room/RoomContext';

/** The decisional balances this person may see: theirs, and those shared (or, for facilitators, all). */
export function BoardPanel({ boards }: { boards: Boards }) {
  const { me, nameOf } = useRoomContext();
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
      <h2 id="board-heading">Decisional balances</h2>
      {me.role !== 'observer' && (
        <form
          className="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (title.trim() && (await boards.create(title.trim()))) setTitle('');
          }}
        >
          <label>
            Behaviour{' '}
            <input
              value={title}
              maxLength={BOARD_LIMITS.titleMax}
              placeholder="e.g. my drinking"
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <button type="submit">Start a balance</button>
        </form>
      )}
      {boards.error && (
        <p className="error" role="alert">
          {boards.error}{' '}
          <button type="button" className="link-button" onClick={boards.dismissError}>
            Dismiss
          </button>
        </p>
      )}
      <nav aria-label="Balances">
        {mine.length > 0 && (
          <>
            <h3>Yours</h3>
            <ul className="plain">{mine.map((b) => item(b, `${b.title}${b.shared ? ' (shared)' : ''}`))}</ul>
          </>
        )}
        <h3>{me.role === 'facilitator' ? 'Others’ balances' : 'Shared with the room'}</h3>
        {others.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="plain">
            {others.map((b) => item(b, `${b.title} (${nameOf(b.owner)}${b.shared ? '' : ', private'})`))}
          </ul>
        )}
      </nav>
      {selected && selected === boards.spotlight ? (
        <p className="muted">This balance is on everyone’s screen, above.</p>
      ) : (
        selected && <OpenBalance id={selected} boards={boards} />
      )}
    </section>
  );
}
