import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_DECLARATION, LIMITS } from '@circle/shared';
import type { CreateGroupResult, GroupSettingsInput } from '@circle/shared';
import { absoluteUrl, createGroup, getServerConfig } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { InviteLinks } from './InviteLinks';
import { emptyMeetingFields, MeetingFields, meetingSettingsFrom } from '../meeting/MeetingFields';

export function CreateGroupPage() {
  const [name, setName] = useState('');
  const [meeting, setMeeting] = useState(emptyMeetingFields);
  const [capacity, setCapacity] = useState('12');
  const [minutes, setMinutes] = useState('60');
  const [lobby, setLobby] = useState(false);
  const [declaration, setDeclaration] = useState(DEFAULT_DECLARATION);
  const [turnLimit, setTurnLimit] = useState('');
  const [autoHandover, setAutoHandover] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CreateGroupResult | null>(null);
  /** Set by the operator (CIRCLE_ADMIN_PASSWORD): then only those who know it create groups here. */
  const [passwordRequired, setPasswordRequired] = useState(false);
  const [adminPassword, setAdminPassword] = useState('');

  useEffect(() => {
    let live = true;
    // If this fails the form is shown without the field; the server still refuses, and says so.
    getServerConfig().then(
      (c) => live && setPasswordRequired(c.groupCreation.passwordRequired),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);

  const capacityNum = Number(capacity);
  const bigGroup = Number.isFinite(capacityNum) && capacityNum >= LIMITS.capacityWarnFrom;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const lifecycle = meetingSettingsFrom(meeting);
    if ('invalid' in lifecycle) {
      setError(`Please check ${lifecycle.invalid}.`);
      return;
    }
    const input: GroupSettingsInput = {
      ...lifecycle.settings,
      name: name.trim(),
      capacity: capacityNum,
      meetingMinutes: Number(minutes),
      lobby,
      declaration,
      turnLimitSec: turnLimit.trim() === '' ? null : Number(turnLimit),
      autoHandover,
    };
    // Checked here by hand (same bounds as GroupSettingsSchema): parsing with zod in the browser would probe
    // `new Function`, which the strict CSP reports as a violation. The server validates authoritatively.
    const invalid = firstInvalid(input);
    if (invalid) {
      setError(`Please check ${invalid}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await createGroup(input, passwordRequired ? adminPassword : undefined));
    } catch (err) {
      setError(createError(err));
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <main className="page narrow">
        <h1>Your group is ready</h1>
        {result.sizeWarning && (
          <p className="warning">
            Groups of {LIMITS.capacityWarnFrom} or more usually split into smaller circles so everyone gets
            time to speak.
          </p>
        )}
        <InviteLinks
          facilitator={absoluteUrl(result.links.facilitator)}
          member={absoluteUrl(result.links.member)}
          observer={absoluteUrl(result.links.observer)}
        />
        <p>
          <a href="/">Create another group</a>
        </p>
      </main>
    );
  }

  return (
    <main className="page narrow">
      <h1>Create a circle</h1>
      <p className="lead">
        A quiet room for your group. Nothing is recorded; people join with a first name or a pseudonym.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="group-name">Group name</label>
        <input
          id="group-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.groupNameMax}
          required
          autoComplete="off"
        />

        <label htmlFor="group-capacity">Capacity</label>
        <input
          id="group-capacity"
          type="number"
          min={LIMITS.capacityMin}
          max={LIMITS.capacityMax}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          aria-describedby={bigGroup ? 'capacity-warning' : undefined}
        />
        {bigGroup && (
          <p id="capacity-warning" className="warning">
            Groups of {LIMITS.capacityWarnFrom} or more usually split into smaller circles so everyone gets
            time to speak.
          </p>
        )}

        <label htmlFor="group-minutes">Meeting length (minutes)</label>
        <input
          id="group-minutes"
          type="number"
          min={LIMITS.meetingMinutesMin}
          max={LIMITS.meetingMinutesMax}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />

        <label htmlFor="group-turn-limit">Turn limit (seconds, optional)</label>
        <input
          id="group-turn-limit"
          type="number"
          min={LIMITS.turnLimitSecMin}
          max={LIMITS.turnLimitSecMax}
          value={turnLimit}
          placeholder="No limit"
          onChange={(e) => setTurnLimit(e.target.value)}
        />

        <div className="check">
          <input
            id="group-auto-handover"
            type="checkbox"
            checked={autoHandover}
            onChange={(e) => setAutoHandover(e.target.checked)}
          />
          <label htmlFor="group-auto-handover">Hand the word on automatically when time is up</label>
        </div>

        <div className="check">
          <input
            id="group-lobby"
            type="checkbox"
            checked={lobby}
            onChange={(e) => setLobby(e.target.checked)}
          />
          <label htmlFor="group-lobby">Use a lobby (a facilitator lets each person in)</label>
        </div>

        <MeetingFields id="group" value={meeting} onChange={setMeeting} />

        <label htmlFor="group-declaration">Confidentiality declaration</label>
        <textarea
          id="group-declaration"
          rows={5}
          value={declaration}
          maxLength={LIMITS.declarationMax}
          onChange={(e) => setDeclaration(e.target.value)}
        />

        {passwordRequired && (
          <>
            <label htmlFor="group-admin-password">Creation password</label>
            <input
              id="group-admin-password"
              type="password"
              value={adminPassword}
              onChange={(e) => setAdminPassword(e.target.value)}
              autoComplete="current-password"
              aria-describedby="group-admin-password-hint"
              required
            />
            <p id="group-admin-password-hint" className="hint">
              Whoever runs this server asks for this password before a group is created here.
            </p>
          </>
        )}

        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Create group
        </button>
      </form>
    </main>
  );
}

/** Refusals of a creation say what they mean here (not the in-room wording of the same codes). */
function createError(err: unknown): string {
  switch (errorCodeOf(err)) {
    case 'FORBIDDEN':
      return 'That creation password is not right.';
    case 'RATE_LIMITED':
      return 'Too many groups were created from here just now. Please try again later.';
    default:
      return describeError(err);
  }
}

const isInt = (n: unknown, min: number, max: number) =>
  Number.isInteger(n) && Number(n) >= min && Number(n) <= max;

function firstInvalid(input: GroupSettingsInput): string | null {
  const name = input.name.trim();
  if (name.length < 1 || name.length > LIMITS.groupNameMax) return 'the group name';
  if (!isInt(input.capacity, LIMITS.capacityMin, LIMITS.capacityMax))
    return `the capacity (${LIMITS.capacityMin} to ${LIMITS.capacityMax})`;
  if (!isInt(input.meetingMinutes, LIMITS.meetingMinutesMin, LIMITS.meetingMinutesMax))
    return `the meeting length (${LIMITS.meetingMinutesMin} to ${LIMITS.meetingMinutesMax} minutes)`;
  const declaration = input.declaration?.trim() ?? '';
  if (declaration.length < 20 || declaration.length > LIMITS.declarationMax) {
    return 'the declaration (at least 20 characters)';
  }
  if (
    input.turnLimitSec != null &&
    !isInt(input.turnLimitSec, LIMITS.turnLimitSecMin, LIMITS.turnLimitSecMax)
  ) {
    return `the turn limit (${LIMITS.turnLimitSecMin} to ${LIMITS.turnLimitSecMax} seconds, or empty)`;
  }
  return null;
}
