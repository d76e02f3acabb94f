import { useRef } from 'react';
import { useRoomContext } from '../room/RoomContext';
import { useKeptFocus } from '../room/useKeptFocus';

function since(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Facilitators only: the people waiting in the lobby, let in one by one or all at once. */
export function LobbyPanel() {
  const { room, act } = useRoomContext();
  const waiting = room.lobby;
  // Whoever is let in leaves the list with their Admit button: the keyboard stays in this section.
  const box = useRef<HTMLElement>(null);
  useKeptFocus(box);
  return (
    <section ref={box} tabIndex={-1} className="panel lobby" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading">Waiting to join ({waiting.length})</h2>
      {waiting.length === 0 ? (
        <p className="hint">Nobody is waiting.</p>
      ) : (
        <>
          <ul className="lobby-list" aria-label="Waiting to join">
            {waiting.map((entry) => (
              <li key={entry.pid}>
                <span>
                  {entry.name} <span className="muted">since {since(entry.since)}</span>
                </span>
                <button type="button" onClick={() => void act('lobby:admit', { pid: entry.pid })}>
                  Admit
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void act('lobby:admitAll', {})}>
            Admit all
          </button>
        </>
      )}
    </section>
  );
}
