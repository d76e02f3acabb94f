import { DEFAULT_LISTING } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { escapeText, fold, icsFor } from './ics.js';
import type { ListedGroup } from './listed.js';

const group: ListedGroup = {
  slug: 'cercle-du-mardi-ab12cd34',
  name: 'Cercle du mardi; parents, ensemble',
  kind: 'open',
  schedule: { weekday: 2, time: '19:30', timeZone: 'Europe/Paris' },
  meetingMinutes: 60,
  language: 'fr',
  listing: {
    ...DEFAULT_LISTING,
    expect:
      'Un tour de parole de 3 minutes.\nVous pouvez passer. Caméra facultative, à votre choix — vraiment.',
  },
  joinUrl: 'https://circle.example/join#kid.eyJrIjoibGlzdGluZyIsImciOiJhYmMifQ.signature-signature-signature',
  // Tuesday 1 December 2026, 19:30 in Paris (UTC+1).
  nextAt: Date.UTC(2026, 11, 1, 18, 30),
  updatedAt: 0,
};
const now = Date.UTC(2026, 10, 29, 20, 0, 5);
const ics = icsFor(group, 'circle.example', 'https://circle.example/meetings/x', now)!;
const unfolded = ics.replace(/\r\n /g, '');
const lines = unfolded.split('\r\n');

describe('the .ics of a listed group (RFC 5545, RFC 7986)', () => {
  it('uses CRLF only and folds every line at 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('\r\n '); // the long lines were folded, not cut
  });

  it('is a weekly event in the group’s zone with the lobby link as URL and CONFERENCE', () => {
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain('BEGIN:VEVENT');
    expect(lines).toContain('UID:cercle-du-mardi-ab12cd34@circle.example');
    expect(lines).toContain('DTSTAMP:20261129T200005Z');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20261201T193000');
    expect(lines).toContain('DURATION:PT60M');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(lines).toContain(`URL:${group.joinUrl}`);
    expect(lines).toContain(`CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO:${group.joinUrl}`);
    expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
  });

  it('escapes text: semicolons, commas, backslashes and line breaks', () => {
    expect(lines).toContain('SUMMARY:Cercle du mardi\\; parents\\, ensemble');
    expect(unfolded).toContain('Un tour de parole de 3 minutes.\\nVous pouvez passer. Caméra facultative\\,');
    expect(escapeText('a\\b')).toBe('a\\\\b');
  });

  it('folds without cutting a character in two', () => {
    const folded = fold(`DESCRIPTION:${'é'.repeat(100)}`);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
  });

  it('a group without a fixed day has no calendar', () => {
    expect(icsFor({ ...group, schedule: null, nextAt: null }, 'h', 'p', now)).toBeNull();
  });
});
