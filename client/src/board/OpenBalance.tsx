import { BalanceView } from './BalanceView';
import type { Boards } from './useBoards';

/** One balance by id: its view once its copy has synced, a status line until then. */
export function OpenBalance({ id, boards }: { id: string; boards: Boards }) {
  const sync = boards.sync(id);
  if (!sync) return <p role="status">Opening the balance…</p>;
  return <BalanceView sync={sync} summary={boards.list.find((b) => b.id === id)} boards={boards} />;
}
