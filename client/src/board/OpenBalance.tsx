import type { Role } from '@circle/shared';
import { BalanceView } from './BalanceView';
import type { Boards } from './useBoards';

/** One balance by id: its view once its copy has synced, a status line until then. */
export function OpenBalance({
  id,
  boards,
  me,
  nameOf,
  clockOffset,
}: {
  id: string;
  boards: Boards;
  me: { pid: string; role: Role };
  nameOf: (pid: string) => string;
  clockOffset: number;
}) {
  const sync = boards.sync(id);
  if (!sync) return <p role="status">Opening the balance…</p>;
  return (
    <BalanceView
      sync={sync}
      summary={boards.list.find((b) => b.id === id)}
      me={me}
      nameOf={nameOf}
      boards={boards}
      clockOffset={clockOffset}
    />
  );
}
