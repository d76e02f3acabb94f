import { useRoomContext } from '../room/RoomContext';

/** Raised hands in order; facilitators can reorder them or lower someone's hand. */
export function Queue() {
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
      <h2 id="queue-heading">Raised hands</h2>
      {queue.length === 0 ? (
        <p className="hint">No hands raised.</p>
      ) : (
        <ol className="queue" aria-label="Raised hands">
          {queue.map((pid, i) => {
            const name = nameOf(pid);
            return (
              <li key={pid}>
                <span className="queue-name">
                  <span className="queue-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {name}
                  {pid === myPid && ' (you)'}
                  {floor.presence[pid] !== 'here' && (
                    <span className="muted"> · {floor.presence[pid] ?? 'gone'}</span>
                  )}
                </span>
                {isFacilitator && (
                  <span className="row-actions">
                    <button
                      type="button"
                      disabled={i === 0}
                      aria-label={`Move ${name} up in the queue`}
                      onClick={() => move(i, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      disabled={i === queue.length - 1}
                      aria-label={`Move ${name} down in the queue`}
                      onClick={() => move(i, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      aria-label={`Lower ${name}'s hand`}
                      onClick={() => void act('floor:lower', { pid })}
                    >
                      Lower hand
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
