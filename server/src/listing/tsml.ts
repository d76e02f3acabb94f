import { CONTRIBUTION_FIELDS, MEETING_TYPE_NOTES, TSML_LANGUAGE, TSML_TYPES } from './codes.js';
import type { ListedGroup } from './listed.js';

/** One meeting of the Meeting Guide / TSML feed (the fields we fill; the spec has more). */
export interface TsmlMeeting {
  name: string;
  slug: string;
  day?: number;
  time?: string;
  end_time?: string;
  timezone?: string;
  types: string[];
  conference_url: string;
  conference_url_notes: string;
  notes: string;
  updated: string;
  url: string;
  formatted_address?: string;
  approximate?: 'yes';
  paypal?: string;
  venmo?: string;
  square?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" plus `minutes`, on a 24-hour clock (a meeting past midnight ends the next day). */
export function endTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const end = (h * 60 + m + minutes) % (24 * 60);
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

/** The spec's `updated`: "YYYY-MM-DD HH:MM:SS" in UTC. */
const updated = (at: number) => new Date(at).toISOString().slice(0, 19).replace('T', ' ');

function contribution(url: string): Partial<TsmlMeeting> & { note?: string } {
  if (!url) return {};
  const host = /^https:\/\/([^/:]+)/i.exec(url)?.[1] ?? '';
  const known = CONTRIBUTION_FIELDS.find((c) => c.host.test(host));
  return known ? { [known.field]: url } : { note: `Contributions: ${url}` };
}

/**
 * A listed group as a TSML meeting. Open/closed follows the group's kind (a drop-in group is open to
 * anyone; closed and re-formed groups are for their members); the Join link is the only address in it.
 */
export function tsmlMeeting(g: ListedGroup, pageUrl: string): TsmlMeeting {
  const { note, ...money } = contribution(g.listing.contribution);
  const notes = [MEETING_TYPE_NOTES[g.listing.type], g.listing.expect, note].filter(Boolean).join('\n\n');
  const types = [
    g.kind === 'open' ? TSML_TYPES.open : TSML_TYPES.closed,
    TSML_TYPES.online,
    TSML_LANGUAGE[g.language],
  ];
  if (g.listing.type === 'smart') types.push(TSML_TYPES.secular);
  // Stored listings from before the field have none: every group could always give proofs.
  if (g.listing.proofOfAttendance !== false) types.push(TSML_TYPES.proofOfAttendance);
  return {
    name: g.name,
    slug: g.slug,
    ...(g.schedule && {
      day: g.schedule.weekday,
      time: g.schedule.time,
      end_time: endTime(g.schedule.time, g.meetingMinutes),
      timezone: g.schedule.timeZone,
    }),
    types,
    conference_url: g.joinUrl,
    conference_url_notes: 'Circle (open source). You wait in the lobby until a facilitator lets you in.',
    notes,
    updated: updated(g.updatedAt),
    url: pageUrl,
    ...(g.listing.location && { formatted_address: g.listing.location, approximate: 'yes' as const }),
    ...money,
  };
}
