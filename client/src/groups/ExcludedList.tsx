import { useEffect, useState } from 'react';
import type { ExcludedPerson } from '@circle/shared';
import { describeError } from '../errors';
import { defineMessages, useIntl } from 'react-intl';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'groups.ExcludedList.heading', defaultMessage: 'Removed from the group' },
  hint: {
    id: 'groups.ExcludedList.hint',
    defaultMessage:
      'Removing someone from the group is the last resort, for when keeping them would harm the others: the group welcomes people back. Letting them back in lets them join the next meeting again.',
  },
  loading: { id: 'groups.ExcludedList.loading', defaultMessage: 'Loading…' },
  nobody: { id: 'groups.ExcludedList.nobody', defaultMessage: 'Nobody is removed from the group.' },
  since: { id: 'groups.ExcludedList.since', defaultMessage: 'since {date}' },
  letBack: { id: 'groups.ExcludedList.letBack', defaultMessage: 'Let back in' },
});

/** People removed from the group, with the name they used, until a facilitator lets them back in. */
export function ExcludedList() {
  const intl = useIntl();
  const { room } = useRoomContext();
  const [people, setPeople] = useState<ExcludedPerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const socket = room.socketRef.current;

  useEffect(() => {
    if (!socket) return;
    call(socket, 'invite:excluded', {}).then(setPeople, (err: unknown) => setError(describeError(intl, err)));
  }, [socket, intl]);

  async function letBack(pid: string) {
    if (!socket) return;
    try {
      await call(socket, 'invite:letBack', { pid });
      setPeople((list) => (list ?? []).filter((p) => p.pid !== pid));
    } catch (err) {
      setError(describeError(intl, err));
    }
  }

  return (
    <section aria-labelledby="excluded-heading">
      <h3 id="excluded-heading">{intl.formatMessage(m.heading)}</h3>
      <p className="hint">{intl.formatMessage(m.hint)}</p>
      {people === null ? (
        <p className="hint">{intl.formatMessage(m.loading)}</p>
      ) : people.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.nobody)}</p>
      ) : (
        <ul className="excluded-list">
          {people.map((p) => (
            <li key={p.pid}>
              <span id={`excluded-${p.pid}`}>{p.name}</span>{' '}
              <span className="hint">
                {intl.formatMessage(m.since, { date: intl.formatDate(p.since, { dateStyle: 'medium' }) })}
              </span>{' '}
              <button
                type="button"
                aria-describedby={`excluded-${p.pid}`}
                onClick={() => void letBack(p.pid)}
              >
                {intl.formatMessage(m.letBack)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
