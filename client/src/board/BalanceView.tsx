import { useId, useMemo } from 'react';
import type { BalanceSummary, Stage } from '@circle/shared';
import { itemCount, QUADRANTS, STAGE_LABELS, STAGES } from '@circle/shared';
import { balanceActions } from './actions';
import type { BalanceSync } from './BalanceSync';
import { ChangesSince } from './ChangesSince';
import { downloadMarkdown, openPrintable } from './exportBalance';
import { FULL } from './full';
import { Goals } from './Goals';
import { Quadrant } from './Quadrant';
import { Scale } from './Scale';
import { Suggestions } from './Suggestions';
import { useBalance } from './useBalance';
import type { Boards } from './useBoards';
import { useRoomContext } from '../room/RoomContext';

interface Props {
  sync: BalanceSync;
  /** The freshest summary (sharing, title) from the list; the open answer's copy may be older. */
  summary: BalanceSummary | undefined;
  boards: Boards;
}

/** One balance: the scale, the stage, the four quadrants, suggestions and goals, and the owner's tools. */
export function BalanceView({ sync, summary, boards }: Props) {
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

  if (sync.status === 'gone') return <p role="status">This balance is no longer available to you.</p>;
  if (!b || !sync.access) return <p role="status">Opening the balance…</p>;
  const mine = b.owner === me.pid;
  const spotlit = boards.spotlight === b.id;

  return (
    <section className="balance" aria-label={`Balance: ${b.title}`}>
      <header className="balance-header">
        <h3>{b.title}</h3>
        <p className="muted">
          {mine ? 'Yours' : nameOf(b.owner)} ·{' '}
          {b.shared ? 'shared with the room' : 'private: only its owner and the facilitators see it'}
          {sync.access === 'read' && ' · read only'}
        </p>
        <SyncLine sync={sync} />
        {sync.notice && (
          <p className="error" role="alert">
            {sync.notice}{' '}
            <button type="button" className="link-button" onClick={() => sync.dismissNotice()}>
              Dismiss
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
              Share with the room
            </label>
          )}
          {me.role === 'facilitator' && b.shared && (
            <button type="button" onClick={() => void boards.setSpotlight(spotlit ? null : b.id)}>
              {spotlit ? 'Take down from everyone’s screen' : 'Put on everyone’s screen'}
            </button>
          )}
        </div>
      </header>

      <Scale model={model} />
      {actions.canEdit ? (
        <p className="board-stage">
          <label htmlFor={stageId}>Stage of change</label>{' '}
          <select
            id={stageId}
            value={model.stage ?? ''}
            onChange={(e) => actions.setStage((e.target.value || null) as Stage | null)}
          >
            <option value="">Not recorded</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        </p>
      ) : (
        <p>Stage of change: {model.stage ? STAGE_LABELS[model.stage] : 'not recorded'}</p>
      )}
      {mine && sync.previous && <ChangesSince previous={sync.previous} model={model} />}

      {actions.canEdit && actions.itemsFull && (
        <p className="muted" role="status">
          {FULL.items}
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
          <button type="button" onClick={() => downloadMarkdown(b.title, model)}>
            Export as Markdown
          </button>
          <button type="button" onClick={() => openPrintable(b.title, model)}>
            Printable page
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(`Delete the balance “${b.title}” and everything kept about it?`))
                void boards.remove(b.id);
            }}
          >
            Delete this balance
          </button>
        </div>
      )}
    </section>
  );
}

/** Whether changes are safely on the server, waiting to go, or the balance is reconnecting. */
function SyncLine({ sync }: { sync: BalanceSync }) {
  const pending = sync.replica.pending;
  const text =
    sync.status === 'open'
      ? pending > 0
        ? 'Saving…'
        : 'All changes saved'
      : !sync.replica.synced
        ? 'Reloading the balance…'
        : pending > 0
          ? `Offline: ${pending} change${pending === 1 ? '' : 's'} will be sent when the connection returns`
          : sync.status === 'connecting'
            ? 'Connecting…'
            : 'Offline';
  return (
    <p className="muted board-sync" role="status">
      {text}
    </p>
  );
}
