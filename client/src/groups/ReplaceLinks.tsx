import { useState } from 'react';
import type { Role } from '@circle/shared';
import { absoluteUrl } from '../api';
import { describeError } from '../errors';
import { useIntl } from 'react-intl';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { LinkRow } from './InviteLinks';

const ROLES: { role: Role; label: string }[] = [
  { role: 'member', label: 'member' },
  { role: 'observer', label: 'observer' },
  { role: 'facilitator', label: 'facilitator' },
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
      <h3 id="replace-links-heading">Invitation links</h3>
      <p className="hint" id="replace-links-hint">
        If a link reached someone it should not have, replace it: the old link stops working at once, and
        whoever opens it is asked to get the new one from you. People already here keep their place.
      </p>
      <label htmlFor="replace-links-until">The new link ends on (optional)</label>
      <input
        id="replace-links-until"
        type="date"
        value={until}
        min={new Date().toISOString().slice(0, 10)}
        onChange={(e) => setUntil(e.target.value)}
      />
      <div className="button-row">
        {ROLES.map(({ role, label }) => (
          <button
            key={role}
            type="button"
            aria-describedby="replace-links-hint"
            onClick={() => void replace(role)}
          >
            Replace the {label} link
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
            label={`New ${fresh.role} link`}
            who={fresh.role}
            url={fresh.url}
          >
            The old {fresh.role} link no longer works. Copy this one now: it is not shown again
            {fresh.expiresAt ? `, and it works until ${new Date(fresh.expiresAt).toLocaleString()}` : ''}.
          </LinkRow>
        </div>
      )}
    </section>
  );
}
