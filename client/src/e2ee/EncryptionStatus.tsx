import { defineMessages, useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';
import './e2ee.css';

const m = defineMessages({
  encrypted: { id: 'e2ee.EncryptionStatus.encrypted', defaultMessage: 'End-to-end encrypted' },
  waiting: {
    id: 'e2ee.EncryptionStatus.waiting',
    defaultMessage: 'End-to-end encrypted · waiting for the key',
    description: 'Shown until this browser has received the meeting key from the key holder’s browser',
  },
  code: {
    id: 'e2ee.EncryptionStatus.code',
    defaultMessage: 'Verification code: {code}',
    description: 'Accessible name of a few emojis that everyone in the meeting should see identically',
  },
  codeHint: {
    id: 'e2ee.EncryptionStatus.codeHint',
    defaultMessage:
      'Verification code: everyone in the meeting should see the same emojis. Compare them out loud; if yours differ, tell a facilitator.',
  },
  noMedia: {
    id: 'e2ee.EncryptionStatus.noMedia',
    defaultMessage:
      'This browser cannot encrypt audio and video, so you are here without them. A recent Chrome, Edge, Firefox or Safari can.',
  },
});

/**
 * "End-to-end encrypted" and the verification code, in the sticky status row: the code changes with every
 * new key, and everyone holding the same key from the same key holder sees the same emojis.
 */
export function EncryptionStatus() {
  const intl = useIntl();
  const { e2ee } = useRoomContext();
  if (!e2ee.enabled) return null;
  const code = e2ee.verification?.code;
  return (
    <>
      <p className="e2ee-status" title={intl.formatMessage(m.codeHint)}>
        <span aria-hidden="true">🔒 </span>
        {code ? intl.formatMessage(m.encrypted) : intl.formatMessage(m.waiting)}
        {code && (
          <span
            className="e2ee-code"
            role="img"
            aria-label={intl.formatMessage(m.code, { code: code.join(' ') })}
            data-epoch={e2ee.verification?.epoch}
          >
            {code.join('')}
          </span>
        )}
      </p>
      {e2ee.mediaBlocked && (
        <p className="e2ee-status e2ee-warning" role="note">
          {intl.formatMessage(m.noMedia)}
        </p>
      )}
    </>
  );
}
