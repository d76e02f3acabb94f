import { useEffect, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { E2eeFallback } from '@circle/shared';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';

const m = defineMessages({
  heading: { id: 'e2ee.E2eeSettings.heading', defaultMessage: 'End-to-end encryption' },
  on: { id: 'e2ee.E2eeSettings.on', defaultMessage: 'Encrypt meetings end to end' },
  onHint: {
    id: 'e2ee.E2eeSettings.onHint',
    defaultMessage:
      'Audio, video and chat are encrypted in each browser; the server passes them on without being able to hear, see or read them.',
  },
  fallback: {
    id: 'e2ee.E2eeSettings.fallback',
    defaultMessage: 'A browser that cannot encrypt',
  },
  noMedia: { id: 'e2ee.E2eeSettings.noMedia', defaultMessage: 'may join without audio and video' },
  refuse: { id: 'e2ee.E2eeSettings.refuse', defaultMessage: 'may not join' },
});

/** Facilitators: encryption on or off for the group, and what a browser that cannot encrypt may do. */
export function E2eeSettings() {
  const intl = useIntl();
  const { room, act } = useRoomContext();
  const [on, setOn] = useState<boolean | null>(null);
  const [fallback, setFallback] = useState<E2eeFallback>('no-media');

  useEffect(() => {
    const socket = room.socketRef.current;
    if (!socket) return;
    call(socket, 'meeting:settings', {}).then(
      (s) => {
        setOn(s.e2ee);
        setFallback(s.e2eeFallback);
      },
      () => undefined,
    );
  }, [room.socketRef]);

  if (on === null) return null;
  return (
    <fieldset>
      <legend>{intl.formatMessage(m.heading)}</legend>
      <div className="check">
        <input
          id="settings-e2ee"
          type="checkbox"
          checked={on}
          aria-describedby="settings-e2ee-hint"
          onChange={(e) => {
            const next = e.target.checked;
            void act('meeting:settings', { e2ee: next }).then((ok) => ok && setOn(next));
          }}
        />
        <label htmlFor="settings-e2ee">{intl.formatMessage(m.on)}</label>
      </div>
      <p className="hint" id="settings-e2ee-hint">
        {intl.formatMessage(m.onHint)}
      </p>
      <label htmlFor="settings-e2ee-fallback">{intl.formatMessage(m.fallback)}</label>
      <select
        id="settings-e2ee-fallback"
        value={fallback}
        disabled={!on}
        onChange={(e) => {
          const next = e.target.value as E2eeFallback;
          void act('meeting:settings', { e2eeFallback: next }).then((ok) => ok && setFallback(next));
        }}
      >
        <option value="no-media">{intl.formatMessage(m.noMedia)}</option>
        <option value="refuse">{intl.formatMessage(m.refuse)}</option>
      </select>
    </fieldset>
  );
}
