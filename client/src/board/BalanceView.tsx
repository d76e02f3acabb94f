import { useId, useMemo } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { BalanceSummary, Stage } from '@circle/shared';
import { itemCount, QUADRANTS, STAGES } from '@circle/shared';
import { balanceActions } from './actions';
import type { BalanceSync } from './BalanceSync';
import { ChangesSince } from './ChangesSince';
import { downloadMarkdown, openPrintable } from './exportBalance';
import { Goals } from './Goals';
import { Quadrant } from './Quadrant';
import { Scale } from './Scale';
import { Suggestions } from './Suggestions';
import { useBalance } from './useBalance';
import type { Boards } from './useBoards';
import { boardNotice, stageLabel } from './words';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  gone: { id: 'board.BalanceView.gone', defaultMessage: 'This balance is no longer available to you.' },
  opening: { id: 'board.BalanceView.opening', defaultMessage: 'Opening the balance…' },
  region: { id: 'board.BalanceView.region', defaultMessage: 'Balance: {title}' },
  owner: {
    id: 'board.BalanceView.owner',
    defaultMessage:
      '{mine, select, yes {Yours} other {{owner}}} · {shared, select, yes {shared with the room} other {private: only its owner and the facilitators see it}}',
    description: 'Under a balance title: whose it is, and who sees it',
  },
  readOnly: { id: 'board.BalanceView.readOnly', defaultMessage: '· read only' },
  dismiss: { id: 'board.BalanceView.dismiss', defaultMessage: 'Dismiss' },
  share: { id: 'board.BalanceView.share', defaultMessage: 'Share with the room' },
  spotlightOn: { id: 'board.BalanceView.spotlightOn', defaultMessage: 'Put on everyone’s screen' },
  spotlightOff: { id: 'board.BalanceView.spotlightOff', defaultMessage: 'Take down from everyone’s screen' },
  stage: { id: 'board.BalanceView.stage', defaultMessage: 'Stage of change' },
  stageNone: { id: 'board.BalanceView.stageNone', defaultMessage: 'Not recorded' },
  stageIs: { id: 'board.BalanceView.stageIs', defaultMessage: 'Stage of change: {stage}' },
  exportMarkdown: { id: 'board.BalanceView.exportMarkdown', defaultMessage: 'Export as Markdown' },
  printable: { id: 'board.BalanceView.printable', defaultMessage: 'Printable page' },
  confirmDelete: {
    id: 'board.BalanceView.confirmDelete',
    defaultMessage: 'Delete the balance “{title}” and everything kept about it?',
  },
  delete: { id: 'board.BalanceView.delete', defaultMessage: 'Delete this balance' },
  saving: { id: 'board.BalanceView.saving', defaultMessage: 'Saving…' },
  saved: { id: 'board.BalanceView.saved', defaultMessage: 'All changes saved' },
  reloading: { id: 'board.BalanceView.reloading', defaultMessage: 'Reloading the balance…' },
  offlinePending: {
    id: 'board.BalanceView.offlinePending',
    defaultMessage:
      'Offline: {pending, plural, one {# change} other {# changes}} will be sent when the connection returns',
  },
  connecting: { id: 'board.BalanceView.connecting', defaultMessage: 'Connecting…' },
  offline: { id: 'board.BalanceView.offline', defaultMessage: 'Offline' },
});

interface Props {
  sync: BalanceSync;
  /** The freshest summary (sharing, title) from the list; the open answer's copy may be older. */
  summary: BalanceSummary | undefined;
  boards: Boards;
}

/** One balance: the scale, the stage, the four quadrants, suggestions and goals, and the owner's tools. */
export function BalanceView({ sync, summary, boards }: Props) {
  const intl = useIntl();
  const { me, nameOf, clockOffset } = useRoomContext();
  const { model, editors } = useBalance(sync);
  const stageId = useId();
  const b = summary ?? sync.balance;
  const myOpen = model.suggestions.filter((s) => s.by === me.pid).length;
  const [items, goals, suggestions] = [itemCount(model), model.goals.length, model.suggestions.length];
  const actions = useMemo(
    () =>
      balanceActions(sync, sync.access, me.pid, () => Date.now() + clockOffset, {
        items,
        goals,
        suggestions,
        mySuggestions: myOpen,
      }),
    // The access, summary and sync state change with the version, which re-renders this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      sync,
      sync.access,
      sync.balance,
      sync.replica.synced,
      me.pid,
      clockOffset,
      myOpen,
      items,
      goals,
      suggestions,
    ],
  );

  if (sync.status === 'gone') return <p role="status">{intl.formatMessage(m.gone)}</p>;
  if (!b || !sync.access) return <p role="status">{intl.formatMessage(m.opening)}</p>;
  const mine = b.owner === me.pid;
  const spotlit = boards.spotlight === b.id;

  return (
    <section className="balance" aria-label={intl.formatMessage(m.region, { title: b.title })}>
      <header className="balance-header">
        <h3>{b.title}</h3>
        <p className="muted">
          {intl.formatMessage(m.owner, {
            mine: mine ? 'yes' : 'no',
            owner: nameOf(b.owner),
            shared: b.shared ? 'yes' : 'no',
          })}
          {sync.access === 'read' && ` ${intl.formatMessage(m.readOnly)}`}
        </p>
        <SyncLine sync={sync} />
        {sync.notice && (
          <p className="error" role="alert">
            {boardNotice(intl, sync.notice)}{' '}
            <button type="button" className="link-button" onClick={() => sync.dismissNotice()}>
              {intl.formatMessage(m.dismiss)}
            </button>
          </p>
        )}
        <div className="button-row">
          {mine && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={b.shared}
                onChange={(e) => void boards.share(b.id, e.target.checked)}
              />
              {intl.formatMessage(m.share)}
            </label>
          )}
          {me.role === 'facilitator' && b.shared && (
            <button type="button" onClick={() => void boards.setSpotlight(spotlit ? null : b.id)}>
              {intl.formatMessage(spotlit ? m.spotlightOff : m.spotlightOn)}
            </button>
          )}
        </div>
      </header>

      <Scale model={model} />
      {actions.canEdit ? (
        <p className="board-stage">
          <label htmlFor={stageId}>{intl.formatMessage(m.stage)}</label>{' '}
          <select
            id={stageId}
            value={model.stage ?? ''}
            onChange={(e) => actions.setStage((e.target.value || null) as Stage | null)}
          >
            <option value="">{intl.formatMessage(m.stageNone)}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageLabel(intl, s)}
              </option>
            ))}
          </select>
        </p>
      ) : (
        <p>{intl.formatMessage(m.stageIs, { stage: stageLabel(intl, model.stage) })}</p>
      )}
      {mine && sync.previous && <ChangesSince previous={sync.previous} model={model} />}

      {actions.canEdit && actions.itemsFull && (
        <p className="muted" role="status">
          {boardNotice(intl, 'items')}
        </p>
      )}
      <div className="quadrants">
        {QUADRANTS.map((q) => (
          <Quadrant key={q} quadrant={q} items={model.items[q]} actions={actions} editors={editors} />
        ))}
      </div>
      {(b.shared || model.suggestions.length > 0) && (
        <Suggestions suggestions={model.suggestions} actions={actions} />
      )}
      <Goals goals={model.goals} actions={actions} />

      {mine && (
        <div className="button-row balance-tools">
          <button type="button" onClick={() => downloadMarkdown(intl, b.title, model)}>
            {intl.formatMessage(m.exportMarkdown)}
          </button>
          <button type="button" onClick={() => openPrintable(intl, b.title, model)}>
            {intl.formatMessage(m.printable)}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(intl.formatMessage(m.confirmDelete, { title: b.title })))
                void boards.remove(b.id);
            }}
          >
            {intl.formatMessage(m.delete)}
          </button>
        </div>
      )}
    </section>
  );
}

/** Whether changes are safely on the server, waiting to go, or the balance is reconnecting. */
function SyncLine({ sync }: { sync: BalanceSync }) {
  const intl = useIntl();
  const pending = sync.replica.pending;
  const text =
    sync.status === 'open'
      ? intl.formatMessage(pending > 0 ? m.saving : m.saved)
      : !sync.replica.synced
        ? intl.formatMessage(m.reloading)
        : pending > 0
          ? intl.formatMessage(m.offlinePending, { pending })
          : intl.formatMessage(sync.status === 'connecting' ? m.connecting : m.offline);
  return (
    <p className="muted board-sync" role="status">
      {text}
    </p>
  );
}
