import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { PRESENCE } from './words';

const m = defineMessages({
  heading: { id: 'floor.Queue.heading', defaultMessage: 'Raised hands' },
  none: { id: 'floor.Queue.none', defaultMessage: 'No hands raised.' },
  you: { id: 'floor.Queue.you', defaultMessage: '(you)', description: 'After your own name in the list' },
  up: { id: 'floor.Queue.up', defaultMessage: 'Move {name} up in the queue' },
  down: { id: 'floor.Queue.down', defaultMessage: 'Move {name} down in the queue' },
  lowerName: { id: 'floor.Queue.lowerName', defaultMessage: "Lower {name}'s hand" },
  lower: { id: 'floor.Queue.lower', defaultMessage: 'Lower hand' },
});

/** Raised hands in order; facilitators can reorder them or lower someone's hand. */
export function Queue() {
  const intl = useIntl();
  const { view, me, facilitator: isFacilitator, nameOf, act } = useRoomContext();
  const { floor } = view;
  const myPid = me.pid;
  const { queue } = floor;

  function move(index: number, by: -1 | 1) {
    const order = [...queue];
    const target = index + by;
    const a = order[index];
    const b = order[target];
    if (a === undefined || b === undefined) return;
    order[index] = b;
    order[target] = a;
    void act('floor:reorder', { order });
  }

  return (
    <section className="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{intl.formatMessage(m.heading)}</h2>
      {queue.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.none)}</p>
      ) : (
        <ol className="queue" aria-label={intl.formatMessage(m.heading)}>
          {queue.map((pid, i) => {
            const name = nameOf(pid);
            return (
              <li key={pid}>
                <span className="queue-name">
                  <span className="queue-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {name}
                  {pid === myPid && ` ${intl.formatMessage(m.you)}`}
                  {floor.presence[pid] !== 'here' && (
                    <span className="muted">
                      {' '}
                      · {intl.formatMessage(PRESENCE[floor.presence[pid] ?? 'gone'])}
                    </span>
                  )}
                </span>
                {isFacilitator && (
                  <span className="row-actions">
                    <button
                      type="button"
                      disabled={i === 0}
                      aria-label={intl.formatMessage(m.up, { name })}
                      onClick={() => move(i, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      disabled={i === queue.length - 1}
                      aria-label={intl.formatMessage(m.down, { name })}
                      onClick={() => move(i, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      aria-label={intl.formatMessage(m.lowerName, { name })}
                      onClick={() => void act('floor:lower', { pid })}
                    >
                      {intl.formatMessage(m.lower)}
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
