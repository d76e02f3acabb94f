import { defineMessages, useIntl } from 'react-intl';
import type { InviteInfo } from '@circle/shared';
import { canEncryptMedia } from './keys/capability';
import './e2ee.css';

const m = defineMessages({
  noMedia: {
    id: 'e2ee.BrowserNotice.noMedia',
    defaultMessage:
      'This group’s meetings are end-to-end encrypted, and this browser cannot encrypt audio and video. You can join, but you will neither hear nor be heard. To take part fully, open this link in a recent Chrome, Edge, Firefox or Safari.',
  },
  refused: {
    id: 'e2ee.BrowserNotice.refused',
    defaultMessage:
      'This group’s meetings are end-to-end encrypted, and this browser cannot encrypt audio and video, so it cannot join. Open this link in a recent Chrome, Edge, Firefox or Safari.',
  },
});

/** The group encrypts, this browser cannot, and the facilitators chose that such a browser stays out. */
export const e2eeRefuses = (invite: InviteInfo): boolean =>
  invite.e2ee?.fallback === 'refuse' && !canEncryptMedia();

/** Before joining: what a browser that cannot encrypt will miss, or that it cannot join, and what to use. */
export function BrowserNotice({ invite, id }: { invite: InviteInfo; id?: string }) {
  const intl = useIntl();
  if (!invite.e2ee || canEncryptMedia()) return null;
  return (
    <p className="e2ee-warning" id={id} role="note">
      {intl.formatMessage(invite.e2ee.fallback === 'refuse' ? m.refused : m.noMedia)}
    </p>
  );
}
