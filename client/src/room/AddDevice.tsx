import { useState } from 'react';
import { call } from '../socket';
import { describeError } from '../errors';
import { useRoomContext } from './RoomContext';
import { useServerState } from './useServerState';

/**
 * Bringing one's identity to another device: a short one-time code, shown here and typed there. Nothing
 * that opens the identity is ever put in a link. Every device of this identity hears when one is added.
 */
export function AddDevice() {
  const { room } = useRoomContext();
  const [code, setCode] = useState<{ code: string; expiresAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
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
      setError(describeError(err));
    }
  }

  const until = code
    ? new Date(code.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : '';
  return (
    <div className="add-device">
      <h3 className="add-device-heading">Your other devices</h3>
      {added && (
        <p className="notice" role="status">
          Your identity is now also on another device.
        </p>
      )}
      {code ? (
        <>
          <p className="hint" id="device-code-shown-hint">
            On your other device, open the group&apos;s link, choose{' '}
            <strong>I have a code from my other device</strong> and type this code. It works once, until{' '}
            {until}. Do not give it to anyone else.
          </p>
          <p className="device-code">
            <output aria-label="Code for your other device" aria-describedby="device-code-shown-hint">
              {code.code}
            </output>
          </p>
        </>
      ) : (
        <p className="hint">To come back from another device, ask here for a one-time code.</p>
      )}
      <button type="button" onClick={() => void ask()}>
        {code ? 'Get a new code' : 'Add another device'}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
