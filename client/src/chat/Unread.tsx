import { defineMessages, useIntl } from 'react-intl';
import type { Unread } from '../e2ee/messages/useOpened';
import type { SealProblem } from '../e2ee/messages/useSealing';

const m = defineMessages({
  beforeJoined: {
    id: 'chat.Unread.beforeJoined',
    defaultMessage: 'Can’t be read (sent before you joined)',
    description: 'In place of an end-to-end encrypted message this browser has no key for',
  },
  unreadable: {
    id: 'chat.Unread.unreadable',
    defaultMessage: 'Can’t be read (changed on the way, or not for this meeting)',
    description: 'In place of an end-to-end encrypted message that failed to decrypt',
  },
  noKey: {
    id: 'chat.Unread.noKey',
    defaultMessage: 'Not sent: the meeting’s encryption key has not arrived yet. Try again in a moment.',
  },
  noReader: {
    id: 'chat.Unread.noReader',
    defaultMessage: 'Not sent: nobody who would read this private word is ready for encrypted messages yet.',
  },
});

/** In place of the words of a sealed message that does not open here. */
export function UnreadWords({ why }: { why: Unread }) {
  const intl = useIntl();
  return <em className="muted">{intl.formatMessage(why === 'no-key' ? m.beforeJoined : m.unreadable)}</em>;
}

/** Why the words just written were not sent (they stay in the field). */
export function SealProblemLine({ problem }: { problem: SealProblem | null }) {
  const intl = useIntl();
  if (!problem) return null;
  return (
    <p className="status-text" role="alert">
      {intl.formatMessage(problem === 'no-key' ? m.noKey : m.noReader)}
    </p>
  );
}
