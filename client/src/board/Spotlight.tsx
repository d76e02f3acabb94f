import type { Role } from '@circle/shared';
import { BalanceView } from './BalanceView';
import type { Boards } from './useBoards';

/** The shared balance a facilitator put on everyone's screen, above the circle. */
export function Spotlight({
  boards,
  me,
  nameOf,
  clockOffset,
}: {
  boards: Boards;
  me: { pid: string; role: Role };
  nameOf: (pid: string) => string;
  clockOffset: number;
}) {
  const id = boards.spotlight;
  if (!id) return null;
  const sync = boards.sync(id);
  return (
    <section className="panel spotlight" aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">On everyone’s screen</h2>
      {sync ? (
        <BalanceView
          sync={sync}
          summary={boards.list.find((b) => b.id === id)}
          me={me}
          nameOf={nameOf}
          boards={boards}
          clockOffset={clockOffset}
        />
      ) : (
        <p role="status">Opening the balance…</p>
      )}
    </section>
  );
}
