import type { ListedGroup } from './listed.js';

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n. */
export const escapeText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space. It never
 * cuts inside a UTF-8 character.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (at: number) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The local date-time of the next meeting in the group's zone, "YYYYMMDDTHHMMSS". */
function localStart(at: number, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}T${get('hour')}${get('minute')}00`;
}

/**
 * A weekly event for a listed group with a schedule (null without one). The start is given in the group's
 * own zone by its IANA name (`DTSTART;TZID=`); no VTIMEZONE is included: calendar programs know IANA
 * names, and a hand-written VTIMEZONE would go stale with the next rule change.
 */
export function icsFor(g: ListedGroup, host: string, pageUrl: string, now: number): string | null {
  if (!g.schedule || g.nextAt === null) return null;
  const { timeZone, weekday } = g.schedule;
  const description = [g.listing.expect, `Join (you wait in the lobby): ${g.joinUrl}`, pageUrl]
    .filter(Boolean)
    .join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Circle//Meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${g.slug}@${host}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;TZID=${timeZone}:${localStart(g.nextAt, timeZone)}`,
    `DURATION:PT${g.meetingMinutes}M`,
    `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[weekday]}`,
    `SUMMARY:${escapeText(g.name)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${g.joinUrl}`,
    `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO:${g.joinUrl}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
