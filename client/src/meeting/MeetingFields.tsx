import type { MeetingSettings } from '@circle/shared';
import { LIMITS } from '@circle/shared';

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const KINDS: { value: MeetingSettings['kind']; label: string }[] = [
  { value: 'open', label: 'Drop-in (open to newcomers)' },
  { value: 'replacement', label: 'Closed, leavers are replaced' },
  { value: 'reformed', label: 'Closed, re-formed for a number of sessions' },
];

/** The group's meeting settings as typed in a form (strings until checked). */
export interface MeetingFieldValues {
  kind: MeetingSettings['kind'];
  sessions: string;
  openingWords: string;
  closingWords: string;
  supportContacts: string;
  /** '' for no fixed day. */
  weekday: string;
  time: string;
  retentionDays: string;
  observerLimit: string;
}

export const emptyMeetingFields = (): MeetingFieldValues => ({
  kind: 'open',
  sessions: '',
  openingWords: '',
  closingWords: '',
  supportContacts: '',
  weekday: '',
  time: '19:00',
  retentionDays: '90',
  observerLimit: String(LIMITS.observersDefault),
});

export function meetingFieldsFrom(s: MeetingSettings): MeetingFieldValues {
  return {
    kind: s.kind,
    sessions: s.sessions === null ? '' : String(s.sessions),
    openingWords: s.openingWords,
    closingWords: s.closingWords,
    supportContacts: s.supportContacts,
    weekday: s.schedule ? String(s.schedule.weekday) : '',
    time: s.schedule?.time ?? '19:00',
    retentionDays: String(s.retentionDays),
    observerLimit: String(s.observerLimit),
  };
}

const isInt = (v: string, min: number, max: number) =>
  /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max;

/**
 * Checks the values by hand (same bounds as the shared schema: zod in the browser trips the strict CSP) and
 * returns the settings, or the name of the first field to fix. The schedule uses this browser's time zone.
 */
export function meetingSettingsFrom(
  v: MeetingFieldValues,
): { settings: Omit<MeetingSettings, 'meetingMinutes'> } | { invalid: string } {
  if (v.kind === 'reformed' && v.sessions.trim() !== '' && !isInt(v.sessions, 1, LIMITS.sessionsMax))
    return { invalid: `the number of sessions (1 to ${LIMITS.sessionsMax})` };
  for (const [label, text] of [
    ['the opening words', v.openingWords],
    ['the closing words', v.closingWords],
    ['the support contacts', v.supportContacts],
  ] as const)
    if (text.length > LIMITS.wordsMax) return { invalid: `${label} (at most ${LIMITS.wordsMax} characters)` };
  if (v.weekday !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) return { invalid: 'the meeting time' };
  if (!isInt(v.retentionDays, 1, LIMITS.retentionDaysMax))
    return { invalid: `how long attendance is kept (1 to ${LIMITS.retentionDaysMax} days)` };
  if (!isInt(v.observerLimit, 0, LIMITS.observerMax))
    return { invalid: `the number of observers (0 to ${LIMITS.observerMax})` };
  return {
    settings: {
      kind: v.kind,
      sessions: v.kind === 'reformed' && v.sessions.trim() !== '' ? Number(v.sessions) : null,
      openingWords: v.openingWords.trim(),
      closingWords: v.closingWords.trim(),
      supportContacts: v.supportContacts.trim(),
      schedule:
        v.weekday === ''
          ? null
          : {
              weekday: Number(v.weekday),
              time: v.time,
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            },
      retentionDays: Number(v.retentionDays),
      observerLimit: Number(v.observerLimit),
    },
  };
}

interface Props {
  /** Prefix for element ids, so the form can appear twice on a page. */
  id: string;
  value: MeetingFieldValues;
  onChange: (next: MeetingFieldValues) => void;
}

/** Kind, sessions, opening and closing words, support contacts, meeting day and time, retention. */
export function MeetingFields({ id, value: v, onChange }: Props) {
  const set = <K extends keyof MeetingFieldValues>(key: K, val: MeetingFieldValues[K]) =>
    onChange({ ...v, [key]: val });
  const text = (key: 'openingWords' | 'closingWords' | 'supportContacts', label: string, hint: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <p className="hint" id={`${id}-${key}-hint`}>
        {hint}
      </p>
      <textarea
        id={`${id}-${key}`}
        rows={3}
        maxLength={LIMITS.wordsMax}
        value={v[key]}
        aria-describedby={`${id}-${key}-hint`}
        onChange={(e) => set(key, e.target.value)}
      />
    </>
  );
  return (
    <>
      <label htmlFor={`${id}-kind`}>Kind of group</label>
      <select
        id={`${id}-kind`}
        value={v.kind}
        onChange={(e) => set('kind', KINDS.find((k) => k.value === e.target.value)?.value ?? 'open')}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      {v.kind === 'reformed' && (
        <>
          <label htmlFor={`${id}-sessions`}>Number of sessions</label>
          <input
            id={`${id}-sessions`}
            type="number"
            min={1}
            max={LIMITS.sessionsMax}
            value={v.sessions}
            onChange={(e) => set('sessions', e.target.value)}
          />
        </>
      )}
      {text('openingWords', 'Opening words', 'Shown to everyone when a facilitator opens the meeting.')}
      {text(
        'closingWords',
        'Closing words',
        'Shown to everyone when the meeting closes (a short reading, for example).',
      )}
      {text('supportContacts', 'Support contacts', 'Shown to anyone leaving the meeting: who they can call.')}

      <label htmlFor={`${id}-weekday`}>Meeting day</label>
      <select id={`${id}-weekday`} value={v.weekday} onChange={(e) => set('weekday', e.target.value)}>
        <option value="">No fixed day</option>
        {WEEKDAYS.map((d, i) => (
          <option key={d} value={String(i)}>
            {d}
          </option>
        ))}
      </select>
      {v.weekday !== '' && (
        <>
          <label htmlFor={`${id}-time`}>Meeting time</label>
          <input id={`${id}-time`} type="time" value={v.time} onChange={(e) => set('time', e.target.value)} />
        </>
      )}

      <label htmlFor={`${id}-retention`}>Keep attendance for (days)</label>
      <input
        id={`${id}-retention`}
        type="number"
        min={1}
        max={LIMITS.retentionDaysMax}
        value={v.retentionDays}
        onChange={(e) => set('retentionDays', e.target.value)}
      />

      <label htmlFor={`${id}-observers`}>Observers at most</label>
      <input
        id={`${id}-observers`}
        type="number"
        min={0}
        max={LIMITS.observerMax}
        value={v.observerLimit}
        aria-describedby={`${id}-observers-hint`}
        onChange={(e) => set('observerLimit', e.target.value)}
      />
      <p className="hint" id={`${id}-observers-hint`}>
        Observers sit outside the circle. With the lobby on they wait there like members.
      </p>
    </>
  );
}
