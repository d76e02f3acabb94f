import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { call } from '../socket';
import { describeError } from '../errors';
import { useRoomContext } from './RoomContext';
import { useServerState } from './useServerState';

const m = defineMessages({
  heading: { id: 'room.AddDevice.heading', defaultMessage: 'Your other devices' },
  added: { id: 'room.AddDevice.added', defaultMessage: 'Your identity is now also on another device.' },
  howTo: {
    id: 'room.AddDevice.howTo',
    defaultMessage:
      "On your other device, open the group's link, choose <b>{choice}</b> and type this code. It works once, until {until, time, short}. Do not give it to anyone else.",
    description: '{choice} is the name of a button on the join page (room.AddDevice.choice)',
  },
  choice: {
    id: 'room.AddDevice.choice',
    defaultMessage: 'I have a code from my other device',
    description: 'Must be the same words as the button on the join page that asks for this code',
  },
  codeLabel: { id: 'room.AddDevice.codeLabel', defaultMessage: 'Code for your other device' },
  ask: {
    id: 'room.AddDevice.ask',
    defaultMessage: 'To come back from another device, ask here for a one-time code.',
  },
  newCode: { id: 'room.AddDevice.newCode', defaultMessage: 'Get a new code' },
  addDevice: { id: 'room.AddDevice.addDevice', defaultMessage: 'Add another device' },
});

/**
 * Bringing one's identity to another device: a short one-time code, shown here and typed there. Nothing
 * that opens the identity is ever put in a link. Every device of this identity hears when one is added.
 */
export function AddDevice() {
  const intl = useIntl();
  const { room } = useRoomContext();
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [added] = useServerState(false, {
    on: {
      'identity:deviceAdded': (_, { set }) => {
        set(true);
        setCode(null);
      },
    },
  });
  const socket = room.socketRef.current;

  async function ask() {
    if (!socket) return;
    try {
      setCode(await call(socket, 'identity:deviceCode', {}));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="add-device">
      <h3 className="add-device-heading">{intl.formatMessage(m.heading)}</h3>
      {added && (
        <p className="notice" role="status">
          {intl.formatMessage(m.added)}
        </p>
      )}
      {code ? (
        <>
          <p className="hint" id="device-code-shown-hint">
            <FormattedMessage
              {...m.howTo}
              values={{
                b: (chunks) => <strong>{chunks}</strong>,
                choice: intl.formatMessage(m.choice),
                until: code.expiresAt,
              }}
            />
          </p>
          <p className="device-code">
            <output aria-label={intl.formatMessage(m.codeLabel)} aria-describedby="device-code-shown-hint">
              {code.code}
            </output>
          </p>
        </>
      ) : (
        <p className="hint">{intl.formatMessage(m.ask)}</p>
      )}
      <button type="button" onClick={() => void ask()}>
        {intl.formatMessage(code ? m.newCode : m.addDevice)}
      </button>
      {error !== null && (
        <p className="error" role="alert">
          {describeError(intl, error)}
        </p>
      )}
    </div>
  );
}
