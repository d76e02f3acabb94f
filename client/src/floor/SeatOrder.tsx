import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: {
    id: 'floor.SeatOrder.heading',
    defaultMessage: 'Seating order',
    description: 'The order of seats around the circle, which a go-around follows',
  },
  nobody: { id: 'floor.SeatOrder.nobody', defaultMessage: 'Nobody is seated yet.' },
  earlier: { id: 'floor.SeatOrder.earlier', defaultMessage: 'Move {name} earlier' },
  later: { id: 'floor.SeatOrder.later', defaultMessage: 'Move {name} later' },
});

/** The facilitator's seat list: the go-around follows this order. */
export function SeatOrder() {
  const intl = useIntl();
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
      <h3 id="seat-order-heading">{intl.formatMessage(m.heading)}</h3>
      {seats.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.nobody)}</p>
      ) : (
        <ol className="seat-order" aria-label={intl.formatMessage(m.heading)}>
          {seats.map((pid, i) => {
            const name = nameOf(pid);
            return (
              <li key={pid}>
                <span>{name}</span>
                <span className="row-actions">
                  <button
                    type="button"
                    disabled={i === 0}
                    aria-label={intl.formatMessage(m.earlier, { name })}
                    onClick={() => move(i, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    disabled={i === seats.length - 1}
                    aria-label={intl.formatMessage(m.later, { name })}
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
