import { useRef } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useKeptFocus } from '../room/useKeptFocus';
import { lobbyCards } from '../buddy/lobbyCards';
import { useBuddies } from '../buddy/useBuddies';

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
  together: {
    id: 'lobby.LobbyPanel.together',
    defaultMessage: 'came together',
    description: 'A member and the newcomer they invited, waiting in the lobby as a pair',
  },
  admitTogether: {
    id: 'lobby.LobbyPanel.admitTogether',
    defaultMessage: 'Admit both: {names}',
    description: 'Accessible name of the Admit both button; must start with its words. {names}: the pair',
  },
  admitBoth: { id: 'lobby.LobbyPanel.admitBoth', defaultMessage: 'Admit both' },
  companionInside: {
    id: 'lobby.LobbyPanel.companionInside',
    defaultMessage: 'came with {name}, who is inside: will sit next to them',
  },
  firstMeeting: {
    id: 'lobby.LobbyPanel.firstMeeting',
    defaultMessage: 'first meeting',
    description: 'Shown to facilitators only, when a newcomer asked for it on the join page',
  },
  firstMeetingOf: {
    id: 'lobby.LobbyPanel.firstMeetingOf',
    defaultMessage: '{name}: first meeting',
    description: 'In a pair: which of the two is at their first meeting (facilitators only)',
  },
});

/** Facilitators only: the people waiting in the lobby, let in one by one or all at once. */
export function LobbyPanel() {
  const intl = useIntl();
  const { room, act, nameOf } = useRoomContext();
  const waiting = room.lobby;
  // Facilitators see a member and the newcomer they brought as one card, let in by one admission.
  const { pairs, firstMeeting } = useBuddies();
  const cards = lobbyCards(waiting, pairs);
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
            {cards.map(({ people, companionInside }) => {
              const [entry] = people as [(typeof people)[number]];
              const names = intl.formatList(people.map((p) => p.name));
              const about = [
                ...(people.length > 1 ? [intl.formatMessage(m.together)] : []),
                ...(companionInside
                  ? [intl.formatMessage(m.companionInside, { name: nameOf(companionInside) })]
                  : []),
                ...people
                  .filter((p) => firstMeeting.includes(p.pid))
                  .map((p) =>
                    people.length > 1
                      ? intl.formatMessage(m.firstMeetingOf, { name: p.name })
                      : intl.formatMessage(m.firstMeeting),
                  ),
                intl.formatMessage(m.since, {
                  time: intl.formatTime(entry.since, { hour: '2-digit', minute: '2-digit' }),
                }),
              ];
              return (
                <li key={entry.pid} className={people.length > 1 ? 'lobby-pair' : undefined}>
                  <span>
                    {names} <span className="muted">{intl.formatList(about, { type: 'unit' })}</span>
                  </span>
                  <button
                    type="button"
                    aria-label={
                      people.length > 1 ? intl.formatMessage(m.admitTogether, { names }) : undefined
                    }
                    onClick={() => void act('lobby:admit', { pid: entry.pid })}
                  >
                    {intl.formatMessage(people.length > 1 ? m.admitBoth : m.admit)}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" onClick={() => void act('lobby:admitAll', {})}>
            {intl.formatMessage(m.admitAll)}
          </button>
        </>
      )}
    </section>
  );
}
