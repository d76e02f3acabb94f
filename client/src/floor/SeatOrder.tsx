import { useRoomContext } from '../room/RoomContext';

/** The facilitator's seat list: the go-around follows this order. */
export function SeatOrder() {
  const { view, nameOf, act } = useRoomContext();
  const { seats } = view.floor;

  function move(index: number, by: -1 | 1) {
    const order = [...seats];
    const a = order[index];
    const b = order[index + by];
    if (a === undefined || b === undefined) return;
    order[index] = b;
    order[index + by] = a;
    void act('seats:reorder', { order });
  }

  return (
    <section aria-labelledby="seat-order-heading">
      <h3 id="seat-order-heading">Seating order</h3>
      {seats.length === 0 ? (
        <p className="hint">Nobody is seated yet.</p>
      ) : (
        <ol className="seat-order" aria-label="Seating order">
          {seats.map((pid, i) => {
            const name = nameOf(pid);
            return (
              <li key={pid}>
                <span>{name}</span>
                <span className="row-actions">
                  <button
                    type="button"
                    disabled={i === 0}
                    aria-label={`Move ${name} earlier`}
                    onClick={() => move(i, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    disabled={i === seats.length - 1}
                    aria-label={`Move ${name} later`}
                    onClick={() => move(i, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
