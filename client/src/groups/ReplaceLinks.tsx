import { useState } from 'react';
import type { Role } from '@circle/shared';
import { absoluteUrl } from '../api';
import { describeError } from '../errors';
import { defineMessages, useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { LinkRow } from './InviteLinks';

const m = defineMessages({
  heading: { id: 'groups.ReplaceLinks.heading', defaultMessage: 'Invitation links' },
  hint: {
    id: 'groups.ReplaceLinks.hint',
    defaultMessage:
      'If a link reached someone it should not have, replace it: the old link stops working at once, and whoever opens it is asked to get the new one from you. People already here keep their place.',
  },
  until: { id: 'groups.ReplaceLinks.until', defaultMessage: 'The new link ends on (optional)' },
  fresh: {
    id: 'groups.ReplaceLinks.fresh',
    defaultMessage:
      '{role, select, facilitator {The old facilitator link no longer works.} member {The old member link no longer works.} other {The old observer link no longer works.}} {until, select, none {Copy this one now: it is not shown again.} other {Copy this one now: it is not shown again, and it works until {until}.}}',
  },
});

/** The order of the buttons, and each one's words. */
const ROLES: { role: Role; replace: MessageDescriptor; fresh: MessageDescriptor }[] = [
  {
    role: 'member',
    ...defineMessages({
      replace: { id: 'groups.ReplaceLinks.replace.member', defaultMessage: 'Replace the member link' },
      fresh: { id: 'groups.ReplaceLinks.new.member', defaultMessage: 'New member link' },
    }),
  },
  {
    role: 'observer',
    ...defineMessages({
      replace: { id: 'groups.ReplaceLinks.replace.observer', defaultMessage: 'Replace the observer link' },
      fresh: { id: 'groups.ReplaceLinks.new.observer', defaultMessage: 'New observer link' },
    }),
  },
  {
    role: 'facilitator',
    ...defineMessages({
      replace: {
        id: 'groups.ReplaceLinks.replace.facilitator',
        defaultMessage: 'Replace the facilitator link',
      },
      fresh: { id: 'groups.ReplaceLinks.new.facilitator', defaultMessage: 'New facilitator link' },
    }),
  },
];

/** The end of the chosen day, local time, or null when no date is chosen. */
function endOfDay(date: string): number | null {
  if (!date) return null;
  const at = new Date(`${date}T23:59:59`).getTime();
  return Number.isFinite(at) ? at : null;
}

/**
 * Facilitators replace an invitation link that went too far (or give the new one an end date). The old
 * link stops working at once; people already inside keep their place. The new link is shown once, to copy.
 */
export function ReplaceLinks() {
  const intl = useIntl();
  const { room } = useRoomContext();
  const [until, setUntil] = useState('');
  const [fresh, setFresh] = useState<{ role: Role; url: string; expiresAt: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function replace(role: Role) {
    const socket = room.socketRef.current;
    if (!socket) return;
    try {
      const res = await call(socket, 'invite:replace', { role, expiresAt: endOfDay(until) });
      setFresh({ role, url: absoluteUrl(res.link), expiresAt: res.expiresAt });
      setError(null);
    } catch (err) {
      setError(describeError(intl, err));
    }
  }

  return (
    <section aria-labelledby="replace-links-heading">
      <h3 id="replace-links-heading">{intl.formatMessage(m.heading)}</h3>
      <p className="hint" id="replace-links-hint">
        {intl.formatMessage(m.hint)}
      </p>
      <label htmlFor="replace-links-until">{intl.formatMessage(m.until)}</label>
      <input
        id="replace-links-until"
        type="date"
        value={until}
        min={new Date().toISOString().slice(0, 10)}
        onChange={(e) => setUntil(e.target.value)}
      />
      <div className="button-row">
        {ROLES.map(({ role, replace: words }) => (
          <button
            key={role}
            type="button"
            aria-describedby="replace-links-hint"
            onClick={() => void replace(role)}
          >
            {intl.formatMessage(words)}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {fresh && (
        <div role="status">
          <LinkRow
            id={`new-${fresh.role}-link`}
            label={intl.formatMessage(ROLES.find((r) => r.role === fresh.role)!.fresh)}
            role={fresh.role}
            url={fresh.url}
          >
            {intl.formatMessage(m.fresh, {
              role: fresh.role,
              until: fresh.expiresAt
                ? intl.formatDate(fresh.expiresAt, { dateStyle: 'long', timeStyle: 'short' })
                : 'none',
            })}
          </LinkRow>
        </div>
      )}
    </section>
  );
}
