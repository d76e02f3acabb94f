import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { BUDDY_INVITES_MAX, type BuddyInvitation, type Role } from '@circle/shared';
import { absoluteUrl, createBuddyInvite } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { storage } from '../storage';
import { useCopy } from '../useCopy';

const m = defineMessages({
  heading: { id: 'buddy.BuddyInvite.heading', defaultMessage: 'Bring someone with you' },
  about: {
    id: 'buddy.BuddyInvite.about',
    defaultMessage:
      'Someone nervous about a first meeting can come with you. Their invitation works once, for one person, for 7 days. You wait in the lobby together and sit side by side.',
  },
  create: { id: 'buddy.BuddyInvite.create', defaultMessage: 'Create a one-time invitation' },
  another: { id: 'buddy.BuddyInvite.another', defaultMessage: 'Create another invitation' },
  linkLabel: { id: 'buddy.BuddyInvite.linkLabel', defaultMessage: 'Invitation for the person you bring' },
  until: {
    id: 'buddy.BuddyInvite.until',
    defaultMessage:
      'Send it only to the person you bring. It works once, until {until, date, medium}. You have {open, plural, one {# open invitation} other {# open invitations}}.',
  },
  copy: { id: 'buddy.BuddyInvite.copy', defaultMessage: 'Copy the invitation' },
  copied: { id: 'buddy.BuddyInvite.copied', defaultMessage: 'Copied' },
  tooMany: {
    id: 'buddy.BuddyInvite.tooMany',
    defaultMessage:
      'You already have {max} open invitations. Each works until it is used or for 7 days; then you can make a new one.',
  },
});

/** The More menu's way to it: the keyboard lands on the section, its button next. */
export function buddyItems(intl: IntlShape, role: Role) {
  if (role !== 'member') return [];
  const go = () => {
    const section = document.getElementById('bring-someone');
    section?.scrollIntoView({ block: 'center' });
    section?.focus();
  };
  return [{ label: intl.formatMessage(m.heading), onSelect: go }];
}

/**
 * On the member link's page, before or between meetings: the same, for the identity this browser holds
 * (someone who never came has none, and nobody to be bound to yet).
 */
export function BuddyInviteOutside({ token, groupId }: { token: string; groupId: string }) {
  const identity = storage.getIdentity(groupId);
  if (!identity) return null;
  return <BuddyInviteForm create={() => createBuddyInvite(token, { identity })} />;
}

/** The form itself; in the room, BuddyInviteInRoom.tsx makes invitations over the room's socket. */
export function BuddyInviteForm({ create }: { create: () => Promise<BuddyInvitation> }) {
  const intl = useIntl();
  const [made, setMade] = useState<BuddyInvitation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const link = made ? absoluteUrl(made.link) : '';
  const { copied, copy } = useCopy(link, 'buddy-link');

  async function make() {
    try {
      setMade(await create());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel buddy-invite" id="bring-someone" tabIndex={-1} aria-labelledby="buddy-heading">
      <h2 id="buddy-heading">{intl.formatMessage(m.heading)}</h2>
      <p className="hint">{intl.formatMessage(m.about)}</p>
      {made && (
        <>
          <label htmlFor="buddy-link">{intl.formatMessage(m.linkLabel)}</label>
          <div className="button-row">
            <input id="buddy-link" readOnly value={link} aria-describedby="buddy-until" />
            <button type="button" onClick={() => void copy()}>
              {intl.formatMessage(copied ? m.copied : m.copy)}
            </button>
          </div>
          <p className="hint" id="buddy-until">
            {intl.formatMessage(m.until, { until: made.expiresAt, open: made.open })}
          </p>
        </>
      )}
      <button type="button" onClick={() => void make()}>
        {intl.formatMessage(made ? m.another : m.create)}
      </button>
      {error !== null && (
        <p className="error" role="alert">
          {errorCodeOf(error) === 'LIMIT'
            ? intl.formatMessage(m.tooMany, { max: BUDDY_INVITES_MAX })
            : describeError(intl, error)}
        </p>
      )}
    </section>
  );
}
