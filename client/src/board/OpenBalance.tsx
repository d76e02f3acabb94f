import { defineMessages, useIntl } from 'react-intl';
import { BalanceView } from './BalanceView';
import type { Boards } from './useBoards';

const m = defineMessages({
  opening: { id: 'board.OpenBalance.opening', defaultMessage: 'Opening the balance…' },
});

/** One balance by id: its view once its copy has synced, a status line until then. */
export function OpenBalance({ id, boards }: { id: string; boards: Boards }) {
  const intl = useIntl();
  const sync = boards.sync(id);
  if (!sync) return <p role="status">{intl.formatMessage(m.opening)}</p>;
  return <BalanceView sync={sync} summary={boards.list.find((b) => b.id === id)} boards={boards} />;
}
