import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { LIMITS } from '@circle/shared';
import type { InviteInfo } from '@circle/shared';
import { getInvite } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { useIntl } from 'react-intl';
import { storage } from '../storage';
import { RoomPage } from '../room/LazyRoomPage';
import { AbsenceForm } from '../meeting/AbsenceForm';
import { ROLE_HINTS, ROLE_LABELS } from '../labels';
import { DeviceCheck } from '../media/DeviceCheck';
import { DeviceCodeForm } from './DeviceCodeForm';

type Load =
  | { state: 'loading' }
  | { state: 'invalid' }
  | { state: 'error'; message: string }
  | { state: 'ready'; invite: InviteInfo };

export function JoinPage({ token }: { token: string }) {
  const intl = useIntl();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [name, setName] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [joinedAs, setJoinedAs] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    getInvite(token).then(
      (invite) => {
        if (cancelled) return;
        setName((prev) => prev || storage.getName(invite.groupId) || '');
        setLoad({ state: 'ready', invite });
      },
      (err: unknown) => {
        if (cancelled) return;
        const code = errorCodeOf(err);
        if (code === 'INVALID_TOKEN' || code === 'NOT_FOUND' || code === 'BAD_REQUEST')
          setLoad({ state: 'invalid' });
        else setLoad({ state: 'error', message: describeError(intl, err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, attempt, intl]);

  if (load.state === 'loading') {
    return (
      <main className="page narrow">
        <p role="status">Opening the invitation…</p>
      </main>
    );
  }
  if (load.state === 'invalid') {
    return (
      <main className="page narrow">
        <h1>This link is no longer valid</h1>
        <p role="alert">This link is no longer valid. Ask your facilitator for the new one.</p>
        <p className="hint">
          Facilitators can replace a link, or give it an end date. It may also have been copied incompletely.
        </p>
      </main>
    );
  }
  if (load.state === 'error') {
    return (
      <main className="page narrow">
        <h1>Could not open the invitation</h1>
        <p role="alert">{load.message}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </main>
    );
  }

  const { invite } = load;
  if (joinedAs) {
    return (
      <RoomPage
        invite={invite}
        params={{
          token,
          groupId: invite.groupId,
          name: joinedAs,
          declarationVersion: invite.declarationVersion,
        }}
        onExit={() => {
          setJoinedAs(null);
          setAccepted(false);
          setName(storage.getName(invite.groupId) ?? '');
        }}
      />
    );
  }

  const trimmed = name.trim();
  const canJoin = trimmed.length > 0 && accepted;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!canJoin) return;
    storage.setName(invite.groupId, trimmed);
    setJoinedAs(trimmed);
  }

  return (
    <main className="page narrow">
      <h1>{invite.groupName}</h1>
      <p className="lead">
        You are invited as <strong>{intl.formatMessage(ROLE_LABELS[invite.role])}</strong>.{' '}
        {intl.formatMessage(ROLE_HINTS[invite.role])}
      </p>
      <form className="form" onSubmit={submit}>
        <label htmlFor="join-name">Your name</label>
        <p className="hint" id="join-name-hint">
          A first name or a pseudonym. Others in the circle will see it.
        </p>
        <input
          id="join-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.nameMax}
          autoComplete="given-name"
          aria-describedby="join-name-hint"
          required
        />

        <h2 className="declaration-heading">Confidentiality declaration</h2>
        <blockquote className="declaration" id="join-declaration">
          {invite.declaration}
        </blockquote>
        <div className="check">
          <input
            id="join-accept"
            type="checkbox"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            aria-describedby="join-declaration"
          />
          <label htmlFor="join-accept">I accept the confidentiality declaration</label>
        </div>
        {invite.role !== 'observer' && <DeviceCheck startMuted={invite.role === 'member'} />}
        {invite.lobby && <p className="hint">A facilitator will let you in once you have joined.</p>}
        {!canJoin && (
          <p className="hint" id="join-why">
            {joinBlocker(trimmed.length > 0, accepted)}
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={!canJoin}
          aria-describedby={canJoin ? undefined : 'join-why'}
        >
          Join
        </button>
      </form>
      <DeviceCodeForm token={token} groupId={invite.groupId} />
      {invite.role === 'member' && <AbsenceForm token={token} defaultName={trimmed} />}
    </main>
  );
}

/** Why Join is still disabled, said next to it (a greyed button alone does not say what is missing). */
function joinBlocker(named: boolean, accepted: boolean): string {
  if (!named && !accepted) return 'Choose a name and accept the declaration to join.';
  if (!named) return 'Choose a name to join.';
  return 'Accept the declaration to join.';
}
