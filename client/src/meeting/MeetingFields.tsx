import type { GroupLanguage, Listing, MeetingSettings } from '@circle/shared';
import { DEFAULT_LISTING, LIMITS } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { GroupLanguageSelect } from '../groups/GroupLanguageSelect';
import { viewerTimeZone } from './format';
import { ListingFields, listingProblem, trimListing } from './ListingFields';

const m = defineMessages({
  kind: { id: 'meeting.MeetingFields.kind', defaultMessage: 'Kind of group' },
  sessions: { id: 'meeting.MeetingFields.sessions', defaultMessage: 'Number of sessions' },
  openingWords: { id: 'meeting.MeetingFields.openingWords', defaultMessage: 'Opening words' },
  openingHint: {
    id: 'meeting.MeetingFields.openingHint',
    defaultMessage: 'Shown to everyone when a facilitator opens the meeting.',
  },
  closingWords: { id: 'meeting.MeetingFields.closingWords', defaultMessage: 'Closing words' },
  closingHint: {
    id: 'meeting.MeetingFields.closingHint',
    defaultMessage: 'Shown to everyone when the meeting closes (a short reading, for example).',
  },
  supportContacts: { id: 'meeting.MeetingFields.supportContacts', defaultMessage: 'Support contacts' },
  supportHint: {
    id: 'meeting.MeetingFields.supportHint',
    defaultMessage: 'Shown to anyone leaving the meeting: who they can call.',
  },
  weekday: { id: 'meeting.MeetingFields.weekday', defaultMessage: 'Meeting day' },
  noDay: { id: 'meeting.MeetingFields.noDay', defaultMessage: 'No fixed day' },
  time: { id: 'meeting.MeetingFields.time', defaultMessage: 'Meeting time' },
  timeZone: {
    id: 'meeting.MeetingFields.timeZone',
    defaultMessage: 'The group’s time zone: {zone}. Everyone sees meeting times in their own.',
  },
  retention: { id: 'meeting.MeetingFields.retention', defaultMessage: 'Keep attendance for (days)' },
  observers: {
    id: 'meeting.MeetingFields.observers',
    defaultMessage: 'Observers at most',
    description: 'Observers: people who listen without a seat in the circle',
  },
  observersHint: {
    id: 'meeting.MeetingFields.observersHint',
    defaultMessage: 'Observers sit outside the circle. With the lobby on they wait there like members.',
  },
  listeners: {
    id: 'meeting.MeetingFields.listeners',
    defaultMessage: 'Listeners beyond the seats',
    description: 'How many people may follow a meeting without a seat once the seats are full',
  },
  listenersHint: {
    id: 'meeting.MeetingFields.listenersHint',
    defaultMessage:
      'For an open meeting: once the seats are full, up to this many members join as listeners. They hear the circle and may raise a hand to be given the word. 0: nobody beyond the seats.',
  },
  badListeners: {
    id: 'meeting.MeetingFields.badListeners',
    defaultMessage: 'the number of listeners (0 to {max})',
    description: 'Completes "Please check …"',
  },
  badSessions: {
    id: 'meeting.MeetingFields.badSessions',
    defaultMessage: 'the number of sessions (1 to {max})',
    description: 'Completes "Please check …"',
  },
  badWords: {
    id: 'meeting.MeetingFields.badWords',
    defaultMessage:
      '{field, select, opening {the opening words} closing {the closing words} other {the support contacts}} (at most {max} characters)',
    description: 'Completes "Please check …"',
  },
  badTime: {
    id: 'meeting.MeetingFields.badTime',
    defaultMessage: 'the meeting time',
    description: 'Completes "Please check …"',
  },
  badRetention: {
    id: 'meeting.MeetingFields.badRetention',
    defaultMessage: 'how long attendance is kept (1 to {max} days)',
    description: 'Completes "Please check …"',
  },
  badObservers: {
    id: 'meeting.MeetingFields.badObservers',
    defaultMessage: 'the number of observers (0 to {max})',
    description: 'Completes "Please check …"',
  },
});

const KINDS: { value: MeetingSettings['kind']; label: MessageDescriptor }[] = [
  {
    value: 'open',
    label: defineMessages({
      l: { id: 'meeting.MeetingFields.kindOpen', defaultMessage: 'Drop-in (open to newcomers)' },
    }).l,
  },
  {
    value: 'replacement',
    label: defineMessages({
      l: { id: 'meeting.MeetingFields.kindReplacement', defaultMessage: 'Closed, leavers are replaced' },
    }).l,
  },
  {
    value: 'reformed',
    label: defineMessages({
      l: {
        id: 'meeting.MeetingFields.kindReformed',
        defaultMessage: 'Closed, re-formed for a number of sessions',
      },
    }).l,
  },
];

/** The days of the week in the reader's language, Sunday first (weekday 0 of a schedule). */
export function weekdayNames(intl: IntlShape): string[] {
  // 4 January 1970 was a Sunday; read in UTC so no time zone moves it to another day.
  return [0, 1, 2, 3, 4, 5, 6].map((d) =>
    intl.formatDate(Date.UTC(1970, 0, 4 + d), { weekday: 'long', timeZone: 'UTC' }),
  );
}

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
  listeners: string;
  language: GroupLanguage;
  /** The schedule's zone: the group's once it has one, else this browser's. */
  timeZone: string;
  /** On the public meeting list (off by default), and what the list says of the group. */
  listed: boolean;
  listing: Listing;
}

export const emptyMeetingFields = (language: GroupLanguage): MeetingFieldValues => ({
  kind: 'open',
  sessions: '',
  openingWords: '',
  closingWords: '',
  supportContacts: '',
  weekday: '',
  time: '19:00',
  retentionDays: '90',
  observerLimit: String(LIMITS.observersDefault),
  listeners: '0',
  language,
  timeZone: viewerTimeZone(),
  listed: false,
  listing: DEFAULT_LISTING,
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
    listeners: String(s.listeners),
    language: s.language,
    timeZone: s.schedule?.timeZone ?? viewerTimeZone(),
    listed: s.listed,
    listing: s.listing,
  };
}

const isInt = (v: string, min: number, max: number) =>
  /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max;

/**
 * Checks the values by hand (same bounds as the shared schema: zod in the browser trips the strict CSP) and
 * returns the settings, or the name of the first field to fix (in the reader's words). The schedule keeps
 * the group's time zone (a new group takes this browser's).
 */
export function meetingSettingsFrom(
  intl: IntlShape,
  v: MeetingFieldValues,
  // Encryption and the lobby have their own switches (e2ee/E2eeSettings.tsx, lobby/LobbySwitch.tsx).
):
  | { settings: Omit<MeetingSettings, 'meetingMinutes' | 'e2ee' | 'e2eeFallback' | 'lobby'> }
  | { invalid: string } {
  const say = (message: MessageDescriptor, values?: Record<string, string | number>) => ({
    invalid: intl.formatMessage(message, values),
  });
  if (v.kind === 'reformed' && v.sessions.trim() !== '' && !isInt(v.sessions, 1, LIMITS.sessionsMax))
    return say(m.badSessions, { max: LIMITS.sessionsMax });
  for (const [field, text] of [
    ['opening', v.openingWords],
    ['closing', v.closingWords],
    ['support', v.supportContacts],
  ] as const)
    if (text.length > LIMITS.wordsMax) return say(m.badWords, { field, max: LIMITS.wordsMax });
  if (v.weekday !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time)) return say(m.badTime);
  if (!isInt(v.retentionDays, 1, LIMITS.retentionDaysMax))
    return say(m.badRetention, { max: LIMITS.retentionDaysMax });
  if (!isInt(v.observerLimit, 0, LIMITS.observerMax)) return say(m.badObservers, { max: LIMITS.observerMax });
  if (!isInt(v.listeners, 0, LIMITS.listenersMax)) return say(m.badListeners, { max: LIMITS.listenersMax });
  const listing = listingProblem(intl, v.listing);
  if (listing) return { invalid: listing };
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
              timeZone: v.timeZone,
            },
      retentionDays: Number(v.retentionDays),
      observerLimit: Number(v.observerLimit),
      listeners: Number(v.listeners),
      language: v.language,
      listed: v.listed,
      listing: trimListing(v.listing),
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
  const intl = useIntl();
  const set = <K extends keyof MeetingFieldValues>(key: K, val: MeetingFieldValues[K]) =>
    onChange({ ...v, [key]: val });
  const text = (
    key: 'openingWords' | 'closingWords' | 'supportContacts',
    label: MessageDescriptor,
    hint: MessageDescriptor,
  ) => (
    <>
      <label htmlFor={`${id}-${key}`}>{intl.formatMessage(label)}</label>
      <p className="hint" id={`${id}-${key}-hint`}>
        {intl.formatMessage(hint)}
      </p>
      <textarea
        id={`${id}-${key}`}
        rows={3}
        maxLength={LIMITS.wordsMax}
        value={v[key]}
        lang={v.language}
        aria-describedby={`${id}-${key}-hint`}
        onChange={(e) => set(key, e.target.value)}
      />
    </>
  );
  return (
    <>
      <GroupLanguageSelect
        id={`${id}-language`}
        value={v.language}
        onChange={(language) => set('language', language)}
      />

      <label htmlFor={`${id}-kind`}>{intl.formatMessage(m.kind)}</label>
      <select
        id={`${id}-kind`}
        value={v.kind}
        onChange={(e) => set('kind', KINDS.find((k) => k.value === e.target.value)?.value ?? 'open')}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {intl.formatMessage(k.label)}
          </option>
        ))}
      </select>
      {v.kind === 'reformed' && (
        <>
          <label htmlFor={`${id}-sessions`}>{intl.formatMessage(m.sessions)}</label>
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
      {text('openingWords', m.openingWords, m.openingHint)}
      {text('closingWords', m.closingWords, m.closingHint)}
      {text('supportContacts', m.supportContacts, m.supportHint)}

      <label htmlFor={`${id}-weekday`}>{intl.formatMessage(m.weekday)}</label>
      <select id={`${id}-weekday`} value={v.weekday} onChange={(e) => set('weekday', e.target.value)}>
        <option value="">{intl.formatMessage(m.noDay)}</option>
        {weekdayNames(intl).map((d, i) => (
          <option key={i} value={String(i)}>
            {d}
          </option>
        ))}
      </select>
      {v.weekday !== '' && (
        <>
          <label htmlFor={`${id}-time`}>{intl.formatMessage(m.time)}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={v.time}
            aria-describedby={`${id}-time-hint`}
            onChange={(e) => set('time', e.target.value)}
          />
          <p className="hint" id={`${id}-time-hint`}>
            {intl.formatMessage(m.timeZone, { zone: v.timeZone.replace(/_/g, ' ') })}
          </p>
        </>
      )}

      <label htmlFor={`${id}-retention`}>{intl.formatMessage(m.retention)}</label>
      <input
        id={`${id}-retention`}
        type="number"
        min={1}
        max={LIMITS.retentionDaysMax}
        value={v.retentionDays}
        onChange={(e) => set('retentionDays', e.target.value)}
      />

      <label htmlFor={`${id}-observers`}>{intl.formatMessage(m.observers)}</label>
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
        {intl.formatMessage(m.observersHint)}
      </p>

      <label htmlFor={`${id}-listeners`}>{intl.formatMessage(m.listeners)}</label>
      <input
        id={`${id}-listeners`}
        type="number"
        min={0}
        max={LIMITS.listenersMax}
        value={v.listeners}
        aria-describedby={`${id}-listeners-hint`}
        onChange={(e) => set('listeners', e.target.value)}
      />
      <p className="hint" id={`${id}-listeners-hint`}>
        {intl.formatMessage(m.listenersHint)}
      </p>

      <ListingFields
        id={`${id}-listing`}
        listed={v.listed}
        listing={v.listing}
        language={v.language}
        onChange={(listed, listing) => onChange({ ...v, listed, listing })}
      />
    </>
  );
}
