import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import type { MessageDescriptor } from 'react-intl';
import { LIMITS } from '@circle/shared';
import type { InviteInfo } from '@circle/shared';
import { getInvite } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { storage } from '../storage';
import { RoomPage } from '../room/LazyRoomPage';
import { AbsenceForm } from '../meeting/AbsenceForm';
import { ROLE_HINTS, ROLE_LABELS } from '../labels';
import { DeviceCheck } from '../media/DeviceCheck';
import { PlainWordsToggle } from '../i18n/LanguagePicker';
import { useLanguage } from '../i18n/I18nProvider';
import { Declaration } from './Declaration';
import { DeviceCodeForm } from './DeviceCodeForm';
import { Lines } from './Lines';
import { BrowserNotice, e2eeRefuses } from '../e2ee/BrowserNotice';
import { FirstMeetingChoice } from '../buddy/FirstMeetingChoice';
import { BuddyInviteOutside } from '../buddy/BuddyInvite';
import type { FirstMeetingAudience } from '@circle/shared';

const m = defineMessages({
  opening: { id: 'join.JoinPage.opening', defaultMessage: 'Opening the invitation…' },
  invalidTitle: { id: 'join.JoinPage.invalidTitle', defaultMessage: 'This link is no longer valid' },
  invalid: {
    id: 'join.JoinPage.invalid',
    defaultMessage: 'This link is no longer valid. Ask your facilitator for the new one.',
  },
  invalidHint: {
    id: 'join.JoinPage.invalidHint',
    defaultMessage:
      'Facilitators can replace a link, or give it an end date. It may also have been copied incompletely.',
  },
  errorTitle: { id: 'join.JoinPage.errorTitle', defaultMessage: 'Could not open the invitation' },
  retry: { id: 'join.JoinPage.retry', defaultMessage: 'Try again' },
  invitedAs: {
    id: 'join.JoinPage.invitedAs',
    defaultMessage: 'You are invited as <b>{role}</b>.',
    description: '{role}: Facilitator, Member or Observer',
  },
  name: { id: 'join.JoinPage.name', defaultMessage: 'Your name' },
  nameHint: {
    id: 'join.JoinPage.nameHint',
    defaultMessage: 'A first name or a pseudonym. Others in the circle will see it.',
  },
  declaration: {
    id: 'join.JoinPage.declaration',
    defaultMessage: 'Confidentiality declaration',
    description: 'The promise to keep private what is seen and heard in the meeting',
  },
  accept: { id: 'join.JoinPage.accept', defaultMessage: 'I accept the confidentiality declaration' },
  lobby: { id: 'join.JoinPage.lobby', defaultMessage: 'A facilitator will let you in once you have joined.' },
  needBoth: {
    id: 'join.JoinPage.needBoth',
    defaultMessage: 'Choose a name and accept the declaration to join.',
  },
  needName: { id: 'join.JoinPage.needName', defaultMessage: 'Choose a name to join.' },
  needAccept: { id: 'join.JoinPage.needAccept', defaultMessage: 'Accept the declaration to join.' },
  join: { id: 'join.JoinPage.join', defaultMessage: 'Join' },
  whatToExpect: {
    id: 'join.JoinPage.whatToExpect',
    defaultMessage: 'What to expect at this meeting',
    description: 'Link to a page on how the meeting runs (you may pass, cameras optional, how to leave)',
  },
});

/** The same, in plain words: short sentences, common words, one idea per line (`\n` between lines). */
const plainWords: Partial<Record<keyof typeof m, MessageDescriptor>> = defineMessages({
  invalid: {
    id: 'join.JoinPage.plain.invalid',
    defaultMessage: 'This link does not work any more.\nAsk your facilitator for a new link.',
    description: 'Plain words: short sentences, common words; keep one idea per line (\\n between lines)',
  },
  invalidHint: {
    id: 'join.JoinPage.plain.invalidHint',
    defaultMessage: 'A facilitator may have changed the link.\nOr part of the link is missing.',
    description: 'Plain words: one idea per line',
  },
  nameHint: {
    id: 'join.JoinPage.plain.nameHint',
    defaultMessage: 'Write your first name.\nOr write a made-up name.\nThe others will see it.',
    description: 'Plain words: one idea per line',
  },
  declaration: {
    id: 'join.JoinPage.plain.declaration',
    defaultMessage: 'Your promise: what is said here stays here',
    description: 'Plain words: heading of the confidentiality declaration',
  },
  accept: {
    id: 'join.JoinPage.plain.accept',
    defaultMessage: 'I promise this',
    description: 'Plain words: the checkbox that accepts the confidentiality declaration',
  },
  lobby: {
    id: 'join.JoinPage.plain.lobby',
    defaultMessage: 'After you join, you wait a little.\nA facilitator lets you in.',
    description: 'Plain words: one idea per line',
  },
  needBoth: {
    id: 'join.JoinPage.plain.needBoth',
    defaultMessage: 'Write your name.\nTick the promise.\nThen press Join.',
    description: 'Plain words: one idea per line; "Join" is the button',
  },
  needName: {
    id: 'join.JoinPage.plain.needName',
    defaultMessage: 'Write your name first.',
    description: 'Plain words',
  },
  needAccept: {
    id: 'join.JoinPage.plain.needAccept',
    defaultMessage: 'Tick the promise first.',
    description: 'Plain words',
  },
});

type Load =
  | { state: 'loading' }
  | { state: 'invalid' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; invite: InviteInfo };

export function JoinPage({ token }: { token: string }) {
  const intl = useIntl();
  const { plain } = useLanguage();
  /** A text of this page, in plain words when asked for and written. */
  const say = (key: keyof typeof m) => intl.formatMessage((plain && plainWords[key]) || m[key]);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [name, setName] = useState('');
  const [accepted, setAccepted] = useState(false);
  /** Off by default: a newcomer says so only if they want to be welcomed. */
  const [firstMeeting, setFirstMeeting] = useState<FirstMeetingAudience | null>(null);
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
        // Kept as the error, worded when shown: a change of language re-words it.
        else setLoad({ state: 'error', error: err });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  if (load.state === 'loading') {
    return (
      <main className="page narrow">
        <p role="status">{say('opening')}</p>
      </main>
    );
  }
  if (load.state === 'invalid') {
    return (
      <main className="page narrow">
        <h1>{say('invalidTitle')}</h1>
        <PlainWordsToggle />
        <p role="alert">
          <Lines text={say('invalid')} />
        </p>
        <p className="hint">
          <Lines text={say('invalidHint')} />
        </p>
      </main>
    );
  }
  if (load.state === 'error') {
    return (
      <main className="page narrow">
        <h1>{say('errorTitle')}</h1>
        <p role="alert">{describeError(intl, load.error)}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {say('retry')}
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
          ...(firstMeeting && invite.role === 'member' ? { firstMeeting } : {}),
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
  // A browser that cannot encrypt, in a group that keeps such browsers out (the server refuses it too).
  const refused = e2eeRefuses(invite);
  const canJoin = trimmed.length > 0 && accepted && !refused;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!canJoin) return;
    storage.setName(invite.groupId, trimmed);
    setJoinedAs(trimmed);
  }

  /** Why Join is still disabled, said next to it (a greyed button alone does not say what is missing). */
  const blocker = !trimmed && !accepted ? 'needBoth' : !trimmed ? 'needName' : 'needAccept';

  return (
    <main className="page narrow">
      <h1>{invite.groupName}</h1>
      <PlainWordsToggle />
      <p className="lead">
        {intl.formatMessage(m.invitedAs, {
          role: intl.formatMessage(ROLE_LABELS[invite.role]),
          b: (chunks) => <strong>{chunks}</strong>,
        })}{' '}
        {intl.formatMessage(ROLE_HINTS[invite.role])}
      </p>
      <BrowserNotice invite={invite} id="join-e2ee" />
      <form className="form" onSubmit={submit}>
        <label htmlFor="join-name">{say('name')}</label>
        <p className="hint" id="join-name-hint">
          <Lines text={say('nameHint')} />
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

        <h2 className="declaration-heading">{say('declaration')}</h2>
        <Declaration id="join-declaration" stored={invite.declaration} groupLanguage={invite.language} />
        <div className="check">
          <input
            id="join-accept"
            type="checkbox"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
            aria-describedby="join-declaration"
          />
          <label htmlFor="join-accept">{say('accept')}</label>
        </div>
        {invite.role === 'member' && (
          <FirstMeetingChoice value={firstMeeting} onChange={setFirstMeeting} buddy={invite.buddy === true} />
        )}
        {invite.role !== 'observer' && <DeviceCheck startMuted={invite.role === 'member'} />}
        {invite.lobby && (
          <p className="hint">
            <Lines text={say('lobby')} />
          </p>
        )}
        {invite.listingSlug && (
          <p>
            <a href={`/meetings/${encodeURIComponent(invite.listingSlug)}`} target="_blank" rel="noopener">
              {intl.formatMessage(m.whatToExpect)}
            </a>
          </p>
        )}
        {!canJoin && !refused && (
          <p className="hint" id="join-why">
            <Lines text={say(blocker)} />
          </p>
        )}
        <button
          type="submit"
          className="primary"
          disabled={!canJoin}
          aria-describedby={canJoin ? undefined : refused ? 'join-e2ee' : 'join-why'}
        >
          {say('join')}
        </button>
      </form>
      {!invite.fromList && !invite.buddy && <DeviceCodeForm token={token} groupId={invite.groupId} />}
      {invite.role === 'member' && !invite.fromList && !invite.buddy && (
        <>
          <AbsenceForm token={token} defaultName={trimmed} />
          <BuddyInviteOutside token={token} groupId={invite.groupId} />
        </>
      )}
    </main>
  );
}
