import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_DECLARATIONS, defaultDeclarationLanguage, groupLanguageOf, LIMITS } from '@circle/shared';
import type { CreateGroupResult, GroupLanguage, GroupSettingsInput } from '@circle/shared';
import { absoluteUrl, createGroup, getServerConfig } from '../api';
import { describeError, errorCodeOf } from '../errors';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { useLanguage } from '../i18n/I18nProvider';
import { InviteLinks } from './InviteLinks';
import { invalidFields, turnLimitFrom, type Field, type FieldErrors } from './createForm';
import { emptyMeetingFields, MeetingFields, meetingSettingsFrom } from '../meeting/MeetingFields';
import type { MeetingFieldValues } from '../meeting/MeetingFields';
import { E2eeCreateOption } from '../e2ee/E2eeCreateOption';

const m = defineMessages({
  checkField: {
    id: 'groups.CreateGroupPage.checkField',
    defaultMessage: 'Please check {count, plural, one {the marked field} other {the marked fields}}.',
  },
  checkMeeting: {
    id: 'groups.CreateGroupPage.checkMeeting',
    defaultMessage: 'Please check {what}.',
    description: '{what} names a field of how the group meets, e.g. "the number of sessions"',
  },
  ready: { id: 'groups.CreateGroupPage.ready', defaultMessage: 'Your group is ready' },
  sizeWarning: {
    id: 'groups.CreateGroupPage.sizeWarning',
    defaultMessage:
      'Groups of more than {count} usually split into smaller circles so everyone gets time to speak.',
  },
  another: { id: 'groups.CreateGroupPage.another', defaultMessage: 'Create another group' },
  title: {
    id: 'groups.CreateGroupPage.title',
    defaultMessage: 'Create a circle',
    description: 'A circle: the group meeting room, people sitting in a circle',
  },
  lead: {
    id: 'groups.CreateGroupPage.lead',
    defaultMessage:
      'A quiet room for your group. Nothing is recorded; people join with a first name or a pseudonym.',
  },
  name: { id: 'groups.CreateGroupPage.name', defaultMessage: 'Group name' },
  lobby: {
    id: 'groups.CreateGroupPage.lobby',
    defaultMessage: 'Use a lobby (a facilitator lets each person in)',
    description: 'Lobby: the waiting room before the meeting room',
  },
  more: { id: 'groups.CreateGroupPage.more', defaultMessage: 'More settings' },
  moreHint: {
    id: 'groups.CreateGroupPage.moreHint',
    defaultMessage: 'Size, length, turn limit, language, the declaration and how the group meets.',
  },
  capacity: {
    id: 'groups.CreateGroupPage.capacity',
    defaultMessage: 'Capacity',
    description: 'How many people the group can seat',
  },
  minutes: { id: 'groups.CreateGroupPage.minutes', defaultMessage: 'Meeting length (minutes)' },
  turnLimit: {
    id: 'groups.CreateGroupPage.turnLimit',
    defaultMessage: 'Turn limit (optional)',
    description: 'How long one person may speak in a turn',
  },
  turnHint: { id: 'groups.CreateGroupPage.turnHint', defaultMessage: 'Leave both empty for no limit.' },
  turnMinutes: { id: 'groups.CreateGroupPage.turnMinutes', defaultMessage: 'Minutes' },
  turnSeconds: { id: 'groups.CreateGroupPage.turnSeconds', defaultMessage: 'Seconds' },
  autoHandover: {
    id: 'groups.CreateGroupPage.autoHandover',
    defaultMessage: 'Hand the word on automatically when time is up',
    description: '"The word": the right to speak, passed around the circle',
  },
  declaration: { id: 'groups.CreateGroupPage.declaration', defaultMessage: 'Confidentiality declaration' },
  declarationHint: {
    id: 'groups.CreateGroupPage.declarationHint',
    defaultMessage:
      'Leave it as it is and each person reads it in their own language, with a plain-words version. Text you write is shown exactly as written.',
  },
  password: { id: 'groups.CreateGroupPage.password', defaultMessage: 'Creation password' },
  passwordHint: {
    id: 'groups.CreateGroupPage.passwordHint',
    defaultMessage: 'Whoever runs this server asks for this password before a group is created here.',
  },
  create: { id: 'groups.CreateGroupPage.create', defaultMessage: 'Create group' },
  wrongPassword: {
    id: 'groups.CreateGroupPage.wrongPassword',
    defaultMessage: 'That creation password is not right.',
  },
  tooMany: {
    id: 'groups.CreateGroupPage.tooMany',
    defaultMessage: 'Too many groups were created from here just now. Please try again later.',
  },
});

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
  const { locale } = useLanguage();
  const [name, setName] = useState('');
  const [typed, setTyped] = useState(() => emptyMeetingFields(groupLanguageOf(locale)));
  // The group's language is the creator's (the page's, following a change of it) until chosen in More settings.
  const [chosenLanguage, setChosenLanguage] = useState<GroupLanguage | null>(null);
  const language = chosenLanguage ?? groupLanguageOf(locale);
  const meeting = { ...typed, language };
  const setMeeting = (next: MeetingFieldValues) => {
    if (next.language !== language) setChosenLanguage(next.language);
    setTyped(next);
  };
  const [capacity, setCapacity] = useState(String(DEFAULT_CAPACITY));
  const [minutes, setMinutes] = useState('60');
  // On by default: a stranger with a forwarded member link waits until a facilitator lets them in.
  const [lobby, setLobby] = useState(true);
  const [e2ee, setE2ee] = useState(true);
  /** The group's own declaration; null while it is the default (then it follows the group's language). */
  const [ownDeclaration, setOwnDeclaration] = useState<string | null>(null);
  const declaration = ownDeclaration ?? DEFAULT_DECLARATIONS[language];
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
      e2ee,
      language,
      // Left out while it is a default: the server stores the one of the group's language.
      declaration: ownDeclaration ?? undefined,
      turnLimitSec: turnLimitSec ?? null,
      autoHandover,
    };
    // Checked by hand (createForm.ts says why); the server validates authoritatively.
    const errors = invalidFields(intl, input, turnLimitSec === undefined);
    if (Object.keys(errors).length > 0) {
      showErrors(errors, intl.formatMessage(m.checkField, { count: Object.values(errors).length }));
      return;
    }
    const lifecycle = meetingSettingsFrom(intl, meeting);
    if ('invalid' in lifecycle) {
      setMoreOpen(true);
      showErrors({}, intl.formatMessage(m.checkMeeting, { what: lifecycle.invalid }));
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
        <h1>{intl.formatMessage(m.ready)}</h1>
        {result.sizeWarning && capacityNum > DEFAULT_CAPACITY && (
          <p className="warning">{intl.formatMessage(m.sizeWarning, { count: DEFAULT_CAPACITY })}</p>
        )}
        <InviteLinks
          facilitator={absoluteUrl(result.links.facilitator)}
          member={absoluteUrl(result.links.member)}
          observer={absoluteUrl(result.links.observer)}
        />
        <p>
          <a href="/">{intl.formatMessage(m.another)}</a>
        </p>
      </main>
    );
  }

  return (
    <main className="page narrow">
      <h1>{intl.formatMessage(m.title)}</h1>
      <p className="lead">{intl.formatMessage(m.lead)}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="group-name">{intl.formatMessage(m.name)}</label>
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
          <label htmlFor="group-lobby">{intl.formatMessage(m.lobby)}</label>
        </div>
        <E2eeCreateOption checked={e2ee} onChange={setE2ee} />

        <details
          className="more-settings"
          open={moreOpen}
          onToggle={(e) => setMoreOpen(e.currentTarget.open)}
        >
          <summary>{intl.formatMessage(m.more)}</summary>
          <p className="hint">{intl.formatMessage(m.moreHint)}</p>
          <div className="form-inner">
            <label htmlFor="group-capacity">{intl.formatMessage(m.capacity)}</label>
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
                {intl.formatMessage(m.sizeWarning, { count: DEFAULT_CAPACITY })}
              </p>
            )}

            <label htmlFor="group-minutes">{intl.formatMessage(m.minutes)}</label>
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
              <legend>{intl.formatMessage(m.turnLimit)}</legend>
              <p className="hint" id="group-turn-hint">
                {intl.formatMessage(m.turnHint)}
              </p>
              <div className="pair">
                <label htmlFor="group-turn-minutes">{intl.formatMessage(m.turnMinutes)}</label>
                <input
                  id="group-turn-minutes"
                  type="number"
                  min={0}
                  max={LIMITS.turnLimitSecMax / 60}
                  value={turnMinutes}
                  onChange={(e) => setTurnMinutes(e.target.value)}
                  {...fieldProps('turnLimit')}
                />
                <label htmlFor="group-turn-seconds">{intl.formatMessage(m.turnSeconds)}</label>
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
              <label htmlFor="group-auto-handover">{intl.formatMessage(m.autoHandover)}</label>
            </div>

            <MeetingFields id="group" value={meeting} onChange={setMeeting} />

            <label htmlFor="group-declaration">{intl.formatMessage(m.declaration)}</label>
            <p className="hint" id="group-declaration-hint">
              {intl.formatMessage(m.declarationHint)}
            </p>
            <textarea
              id="group-declaration"
              rows={5}
              value={declaration}
              lang={ownDeclaration === null ? language : undefined}
              maxLength={LIMITS.declarationMax}
              onChange={(e) =>
                setOwnDeclaration(defaultDeclarationLanguage(e.target.value) ? null : e.target.value)
              }
              {...fieldProps('declaration', 'group-declaration-hint')}
            />
            {fieldError('declaration')}
          </div>
        </details>

        {passwordRequired && (
          <>
            <label htmlFor="group-admin-password">{intl.formatMessage(m.password)}</label>
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
              {intl.formatMessage(m.passwordHint)}
            </p>
          </>
        )}

        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {intl.formatMessage(m.create)}
        </button>
      </form>
    </main>
  );
}

/** Refusals of a creation say what they mean here (not the in-room wording of the same codes). */
function createError(intl: IntlShape, err: unknown): string {
  switch (errorCodeOf(err)) {
    case 'FORBIDDEN':
      return intl.formatMessage(m.wrongPassword);
    case 'RATE_LIMITED':
      return intl.formatMessage(m.tooMany);
    default:
      return describeError(intl, err);
  }
}
