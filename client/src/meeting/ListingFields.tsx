import type { GroupLanguage, Listing, MeetingType } from '@circle/shared';
import { LIMITS, MEETING_TYPES } from '@circle/shared';
import { defineMessages, useIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { ProofListingField } from '../attendance/ProofListingField';

const m = defineMessages({
  listed: {
    id: 'meeting.ListingFields.listed',
    defaultMessage: 'List this group on the public meeting list',
  },
  listedHint: {
    id: 'meeting.ListingFields.listedHint',
    defaultMessage:
      'Anyone can then find it at /meetings and join through the lobby. Only groups with the lobby on are shown. Leave this off for a therapy group.',
  },
  type: { id: 'meeting.ListingFields.type', defaultMessage: 'Type of meeting' },
  expect: { id: 'meeting.ListingFields.expect', defaultMessage: 'What to expect (shown as written)' },
  cameras: { id: 'meeting.ListingFields.cameras', defaultMessage: 'Cameras are optional' },
  contribution: {
    id: 'meeting.ListingFields.contribution',
    defaultMessage: 'Contribution link (optional, https://…)',
  },
  location: {
    id: 'meeting.ListingFields.location',
    defaultMessage: 'Approximate area (optional, never an address)',
  },
  badUrl: {
    id: 'meeting.ListingFields.badUrl',
    defaultMessage: 'the contribution link (an address starting with https://)',
    description: 'Completes "Please check …"',
  },
  badText: {
    id: 'meeting.ListingFields.badText',
    defaultMessage: 'the listing texts (too long)',
    description: 'Completes "Please check …"',
  },
});

const TYPE_NAMES = defineMessages({
  twelveStep: { id: 'meeting.ListingFields.typeTwelveStep', defaultMessage: '12-step' },
  smart: { id: 'meeting.ListingFields.typeSmart', defaultMessage: 'SMART Recovery' },
  harmReduction: { id: 'meeting.ListingFields.typeHarmReduction', defaultMessage: 'Harm reduction' },
  parents: { id: 'meeting.ListingFields.typeParents', defaultMessage: 'Parents’ group' },
  process: { id: 'meeting.ListingFields.typeProcess', defaultMessage: 'Interpersonal process group' },
  other: { id: 'meeting.ListingFields.typeOther', defaultMessage: 'Other' },
} satisfies Record<MeetingType, unknown>);

/** Same rule as the shared schema (zod is not used in the browser: the strict CSP). */
const HTTPS = /^https:\/\/[a-z0-9.-]+(:\d+)?(\/\S*)?$/i;

export function listingProblem(intl: IntlShape, l: Listing): string | null {
  const url = l.contribution.trim();
  if (url !== '' && (!HTTPS.test(url) || url.length > LIMITS.listingUrlMax))
    return intl.formatMessage(m.badUrl);
  if (l.expect.length > LIMITS.listingTextMax || l.location.length > LIMITS.listingLocationMax)
    return intl.formatMessage(m.badText);
  return null;
}

export const trimListing = (l: Listing): Listing => ({
  ...l,
  expect: l.expect.trim(),
  contribution: l.contribution.trim(),
  location: l.location.trim(),
});

interface Props {
  id: string;
  listed: boolean;
  listing: Listing;
  language: GroupLanguage;
  onChange: (listed: boolean, listing: Listing) => void;
}

/** Whether the group is on the public list, and what the list says of it (written by the facilitators). */
export function ListingFields({ id, listed, listing, language, onChange }: Props) {
  const intl = useIntl();
  const set = <K extends keyof Listing>(key: K, value: Listing[K]) =>
    onChange(listed, { ...listing, [key]: value });
  return (
    <fieldset>
      <legend>
        <label>
          <input type="checkbox" checked={listed} onChange={(e) => onChange(e.target.checked, listing)} />{' '}
          {intl.formatMessage(m.listed)}
        </label>
      </legend>
      <p className="hint">{intl.formatMessage(m.listedHint)}</p>
      {listed && (
        <>
          <label htmlFor={`${id}-type`}>{intl.formatMessage(m.type)}</label>
          <select
            id={`${id}-type`}
            value={listing.type}
            onChange={(e) => set('type', MEETING_TYPES.find((t) => t === e.target.value) ?? 'other')}
          >
            {MEETING_TYPES.map((t) => (
              <option key={t} value={t}>
                {intl.formatMessage(TYPE_NAMES[t])}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-expect`}>{intl.formatMessage(m.expect)}</label>
          <textarea
            id={`${id}-expect`}
            rows={3}
            lang={language}
            maxLength={LIMITS.listingTextMax}
            value={listing.expect}
            onChange={(e) => set('expect', e.target.value)}
          />
          <label>
            <input
              type="checkbox"
              checked={listing.camerasOptional}
              onChange={(e) => set('camerasOptional', e.target.checked)}
            />{' '}
            {intl.formatMessage(m.cameras)}
          </label>
          <ProofListingField
            on={listing.proofOfAttendance !== false}
            onChange={(on) => set('proofOfAttendance', on)}
          />
          <label htmlFor={`${id}-contribution`}>{intl.formatMessage(m.contribution)}</label>
          <input
            id={`${id}-contribution`}
            type="url"
            maxLength={LIMITS.listingUrlMax}
            value={listing.contribution}
            onChange={(e) => set('contribution', e.target.value)}
          />
          <label htmlFor={`${id}-location`}>{intl.formatMessage(m.location)}</label>
          <input
            id={`${id}-location`}
            lang={language}
            maxLength={LIMITS.listingLocationMax}
            value={listing.location}
            onChange={(e) => set('location', e.target.value)}
          />
        </>
      )}
    </fieldset>
  );
}
