import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';
import { call } from '../socket';

const m = defineMessages({
  lobby: {
    id: 'lobby.LobbySwitch.lobby',
    defaultMessage: 'Use a lobby (a facilitator lets each person in)',
  },
  hint: {
    id: 'lobby.LobbySwitch.hint',
    defaultMessage:
      'Applies to whoever arrives next; people already waiting stay until you admit them. A group on the public meeting list needs the lobby: without it, it leaves the list.',
  },
});

/**
 * The group's lobby, switched from the room and saved at once (like encryption, apart from the settings
 * form): facilitators may open a closed circle for one meeting or close it again.
 */
export function LobbySwitch() {
  const intl = useIntl();
  const { room } = useRoomContext();
  const [lobby, setLobby] = useServerState<boolean | null>(null, {
    fetch: async (socket) => (await call(socket, 'meeting:settings', {})).lobby,
  });
  const [saving, setSaving] = useState(false);
  if (lobby === null) return null;
  const change = async (on: boolean) => {
    setSaving(true);
    if (await room.act('meeting:settings', { lobby: on })) setLobby(on);
    setSaving(false);
  };
  return (
    <p>
      <label>
        <input
          type="checkbox"
          checked={lobby}
          disabled={saving}
          aria-describedby="lobby-switch-hint"
          onChange={(e) => void change(e.target.checked)}
        />{' '}
        {intl.formatMessage(m.lobby)}
      </label>
      <span className="hint" id="lobby-switch-hint">
        {' '}
        {intl.formatMessage(m.hint)}
      </span>
    </p>
  );
}
