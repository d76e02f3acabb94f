import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_DECLARATION, LIMITS } from '@circle/shared';
import type { CreateGroupResult, GroupSettingsInput } from '@circle/shared';
import { absoluteUrl, createGroup, getServerConfig } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { InviteLinks } from './InviteLinks';
import { invalidFields, turnLimitFrom, type Field, type FieldErrors } from './createForm';
import { emptyMeetingFields, MeetingFields, meetingSettingsFrom } from '../meeting/MeetingFields';

/** The capacity a new group starts with; the size warning is for groups above it, not at it. */
const DEFAULT_CAPACITY = 12;

const FIELD_IDS: Record<Field, string> = {
  name: 'group-name',
  capacity: 'group-capacity',
  minutes: 'group-minutes',
  turnLimit: 'group-turn-minutes',
  declaration: 'group-declaration',
};
/** Fields inside More settings: an error there opens it so the field and its message can be seen. */
const ADVANCED: Field[] = ['capacity', 'minutes', 'turnLimit', 'declaration'];

export function CreateGroupPage() {
  const intl = useIntl();
  const [name, setName] = useState('');
  const [meeting, setMeeting] = useState(emptyMeetingFields);
  const [capacity, setCapacity] = useState(String(DEFAULT_CAPACITY));
  const [minutes, setMinutes] = useState('60');
  // On by default: a stranger with a forwarded member link waits until a facilitator lets them in.
  const [lobby, setLobby] = useState(true);
  const [declaration, setDeclaration] = useState(DEFAULT_DECLARATION);
  const [turnMinutes, setTurnMinutes] = useState('');
  const [turnSeconds, setTurnSeconds] = useState('');
  const [autoHandover, setAutoHandover] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
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
  const bigGroup = Number.isFinite(capacityNum) && capacityNum > DEFAULT_CAPACITY;

  /** What the field's input needs: aria-invalid and its message (with any hint) as its description. */
  const fieldProps = (field: Field, hintId?: string) => {
    const message = fieldErrors[field];
    const described = [hintId, message ? `${FIELD_IDS[field]}-error` : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': message ? true : undefined,
      'aria-describedby': described || undefined,
    } as const;
  };
  const fieldError = (field: Field) =>
    fieldErrors[field] ? (
      <p id={`${FIELD_IDS[field]}-error`} className="field-error">
        {fieldErrors[field]}
      </p>
    ) : null;

  function showErrors(errors: FieldErrors, summary: string) {
    setFieldErrors(errors);
    setError(summary);
    const first = (Object.keys(FIELD_IDS) as Field[]).find((f) => errors[f]);
    if (!first) return;
    if (ADVANCED.includes(first)) setMoreOpen(true);
    // After the render that opens More settings and marks the field.
    setTimeout(() => document.getElementById(FIELD_IDS[first])?.focus(), 0);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const turnLimitSec = turnLimitFrom(turnMinutes, turnSeconds);
    const input: GroupSettingsInput = {
      name: name.trim(),
      capacity: capacityNum,
      meetingMinutes: Number(minutes),
      lobby,
      declaration,
      turnLimitSec: turnLimitSec ?? null,
      autoHandover,
    };
    // Checked by hand (createForm.ts says why); the server validates authoritatively.
    const errors = invalidFields(input, turnLimitSec === undefined);
    if (Object.keys(errors).length > 0) {
      showErrors(
        errors,
        `Please check ${Object.values(errors).length === 1 ? 'the marked field' : 'the marked fields'}.`,
      );
      return;
    }
    const lifecycle = meetingSettingsFrom(meeting);
    if ('invalid' in lifecycle) {
      setMoreOpen(true);
      showErrors({}, `Please check ${lifecycle.invalid}.`);
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      setResult(
        await createGroup({ ...lifecycle.settings, ...input }, passwordRequired ? adminPassword : undefined),
      );
    } catch (err) {
      setError(createError(intl, err));
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <main className="page narrow">
        <h1>Your group is ready</h1>
        {result.sizeWarning && capacityNum > DEFAULT_CAPACITY && (
          <p className="warning">
            Groups of more than {DEFAULT_CAPACITY} usually split into smaller circles so everyone gets time to
            speak.
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
          {...fieldProps('name')}
        />
        {fieldError('name')}

        <div className="check">
          <input
            id="group-lobby"
            type="checkbox"
            checked={lobby}
            onChange={(e) => setLobby(e.target.checked)}
          />
          <label htmlFor="group-lobby">Use a lobby (a facilitator lets each person in)</label>
        </div>

        <details
          className="more-settings"
          open={moreOpen}
          onToggle={(e) => setMoreOpen(e.currentTarget.open)}
        >
          <summary>More settings</summary>
          <p className="hint">Size, length, turn limit, the declaration and how the group meets.</p>
          <div className="form-inner">
            <label htmlFor="group-capacity">Capacity</label>
            <input
              id="group-capacity"
              type="number"
              min={LIMITS.capacityMin}
              max={LIMITS.capacityMax}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              {...fieldProps('capacity', bigGroup ? 'capacity-warning' : undefined)}
            />
            {fieldError('capacity')}
            {bigGroup && (
              <p id="capacity-warning" className="warning">
                Groups of more than {DEFAULT_CAPACITY} usually split into smaller circles so everyone gets
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
              {...fieldProps('minutes')}
            />
            {fieldError('minutes')}

            <fieldset className="turn-limit" aria-describedby="group-turn-hint">
              <legend>Turn limit (optional)</legend>
              <p className="hint" id="group-turn-hint">
                Leave both empty for no limit.
              </p>
              <div className="pair">
                <label htmlFor="group-turn-minutes">Minutes</label>
                <input
                  id="group-turn-minutes"
                  type="number"
                  min={0}
                  max={LIMITS.turnLimitSecMax / 60}
                  value={turnMinutes}
                  onChange={(e) => setTurnMinutes(e.target.value)}
                  {...fieldProps('turnLimit')}
                />
                <label htmlFor="group-turn-seconds">Seconds</label>
                <input
                  id="group-turn-seconds"
                  type="number"
                  min={0}
                  max={59}
                  value={turnSeconds}
                  onChange={(e) => setTurnSeconds(e.target.value)}
                  aria-invalid={fieldErrors.turnLimit ? true : undefined}
                  aria-describedby={fieldErrors.turnLimit ? 'group-turn-minutes-error' : undefined}
                />
              </div>
              {fieldError('turnLimit')}
            </fieldset>

            <div className="check">
              <input
                id="group-auto-handover"
                type="checkbox"
                checked={autoHandover}
                onChange={(e) => setAutoHandover(e.target.checked)}
              />
              <label htmlFor="group-auto-handover">Hand the word on automatically when time is up</label>
            </div>

            <MeetingFields id="group" value={meeting} onChange={setMeeting} />

            <label htmlFor="group-declaration">Confidentiality declaration</label>
            <textarea
              id="group-declaration"
              rows={5}
              value={declaration}
              maxLength={LIMITS.declarationMax}
              onChange={(e) => setDeclaration(e.target.value)}
              {...fieldProps('declaration')}
            />
            {fieldError('declaration')}
          </div>
        </details>

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
function createError(intl: IntlShape, err: unknown): string {
  switch (errorCodeOf(err)) {
    case 'FORBIDDEN':
      return 'That creation password is not right.';
    case 'RATE_LIMITED':
      return 'Too many groups were created from here just now. Please try again later.';
    default:
      return describeError(intl, err);
  }
}
