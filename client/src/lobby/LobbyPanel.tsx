import { useRef } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useKeptFocus } from '../room/useKeptFocus';

const m = defineMessages({
  heading: {
    id: 'lobby.LobbyPanel.heading',
    defaultMessage: 'Waiting to join ({count})',
    description: 'Heading of the list of people waiting in the lobby (waiting room); {count} of them',
  },
  list: { id: 'lobby.LobbyPanel.list', defaultMessage: 'Waiting to join' },
  nobody: { id: 'lobby.LobbyPanel.nobody', defaultMessage: 'Nobody is waiting.' },
  since: { id: 'lobby.LobbyPanel.since', defaultMessage: 'since {time}' },
  admit: { id: 'lobby.LobbyPanel.admit', defaultMessage: 'Admit', description: 'Let this person in' },
  admitAll: { id: 'lobby.LobbyPanel.admitAll', defaultMessage: 'Admit all' },
});

/** Facilitators only: the people waiting in the lobby, let in one by one or all at once. */
export function LobbyPanel() {
  const intl = useIntl();
  const { room, act } = useRoomContext();
  const waiting = room.lobby;
  // Whoever is let in leaves the list with their Admit button: the keyboard stays in this section.
  const box = useRef<HTMLElement>(null);
  useKeptFocus(box);
  return (
    <section ref={box} tabIndex={-1} className="panel lobby" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading">{intl.formatMessage(m.heading, { count: waiting.length })}</h2>
      {waiting.length === 0 ? (
        <p className="hint">{intl.formatMessage(m.nobody)}</p>
      ) : (
        <>
          <ul className="lobby-list" aria-label={intl.formatMessage(m.list)}>
            {waiting.map((entry) => (
              <li key={entry.pid}>
                <span>
                  {entry.name}{' '}
                  <span className="muted">
                    {intl.formatMessage(m.since, {
                      time: intl.formatTime(entry.since, { hour: '2-digit', minute: '2-digit' }),
                    })}
                  </span>
                </span>
                <button type="button" onClick={() => void act('lobby:admit', { pid: entry.pid })}>
                  {intl.formatMessage(m.admit)}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void act('lobby:admitAll', {})}>
            {intl.formatMessage(m.admitAll)}
          </button>
        </>
      )}
    </section>
  );
}
