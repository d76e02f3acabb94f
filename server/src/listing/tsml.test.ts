import { DEFAULT_LISTING } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import type { ListedGroup } from './listed.js';
import { endTime, tsmlMeeting } from './tsml.js';
import { validateTsmlFeed } from './tsmlRules.js';

const base: ListedGroup = {
  slug: 'tuesday-circle-ab12cd34',
  name: 'Tuesday circle',
  kind: 'open',
  schedule: { weekday: 2, time: '23:30', timeZone: 'America/New_York' },
  meetingMinutes: 90,
  language: 'uk',
  listing: { ...DEFAULT_LISTING, type: 'twelveStep', expect: 'Shares of 3 minutes.' },
  joinUrl: 'https://circle.example/join#kid.body.sig',
  nextAt: Date.UTC(2026, 11, 2, 4, 30),
  updatedAt: Date.UTC(2026, 10, 1, 8, 5, 9),
};
const page = 'https://circle.example/meetings/tuesday-circle-ab12cd34';

describe('the TSML feed entry of a listed group', () => {
  it('follows the spec: day, HH:MM times past midnight, IANA zone, known codes, the lobby link only', () => {
    const m = tsmlMeeting(base, page);
    expect(m).toEqual({
      name: 'Tuesday circle',
      slug: 'tuesday-circle-ab12cd34',
      day: 2,
      time: '23:30',
      end_time: '01:00',
      timezone: 'America/New_York',
      types: ['O', 'ONL', 'UK', 'POA'],
      conference_url: base.joinUrl,
      conference_url_notes: expect.stringContaining('lobby'),
      notes: '12-step meeting\n\nShares of 3 minutes.',
      updated: '2026-11-01 08:05:09',
      url: page,
    });
    expect(validateTsmlFeed([m])).toEqual([]);
  });

  it('closed and re-formed groups are C; an approximate area and a known contribution host get their fields', () => {
    const m = tsmlMeeting(
      {
        ...base,
        kind: 'reformed',
        language: 'ru',
        listing: { ...base.listing, contribution: 'https://venmo.com/u/circle', location: 'Kyiv area' },
      },
      page,
    );
    expect(m.types).toEqual(['C', 'ONL', 'RUS', 'POA']);
    expect(m).toMatchObject({
      venmo: 'https://venmo.com/u/circle',
      formatted_address: 'Kyiv area',
      approximate: 'yes',
    });
    expect(validateTsmlFeed([m])).toEqual([]);
  });

  it('any other contribution link goes into the notes; no address fields without an area; no schedule, no day', () => {
    const m = tsmlMeeting(
      {
        ...base,
        schedule: null,
        nextAt: null,
        listing: { ...base.listing, contribution: 'https://give.example/c' },
      },
      page,
    );
    expect(m.notes).toContain('Contributions: https://give.example/c');
    for (const f of ['paypal', 'venmo', 'square', 'formatted_address', 'approximate', 'day', 'time'])
      expect(m).not.toHaveProperty(f);
    expect(validateTsmlFeed([m])).toEqual([]);
  });

  it('the validator refuses what the spec refuses', () => {
    const good = tsmlMeeting(base, page);
    const bad = (patch: Record<string, unknown>) => validateTsmlFeed([{ ...good, ...patch }]);
    expect(validateTsmlFeed({})).toEqual(['the feed is not a JSON array']);
    expect(bad({ name: '' })).toEqual(['meeting 0: name is required']);
    expect(bad({ slug: undefined })).toHaveLength(1);
    expect(bad({ day: 7 })).toEqual(['meeting 0: day must be 0–6']);
    expect(bad({ time: '7:30' })).toEqual(['meeting 0: time must be HH:MM']);
    expect(bad({ end_time: '24:00' })).toEqual(['meeting 0: end_time must be HH:MM']);
    expect(bad({ timezone: 'Mars/Olympus' })).toEqual(['meeting 0: timezone must be an IANA name']);
    expect(bad({ types: ['O', 'XYZ'] })).toEqual(['meeting 0: unknown type XYZ']);
    expect(bad({ conference_url: '/join#x' })).toHaveLength(1);
    expect(bad({ approximate: 'maybe' })).toHaveLength(1);
    expect(bad({ updated: '2026-11-01T08:05:09Z' })).toHaveLength(1);
    expect(validateTsmlFeed([good, good])).toEqual(['meeting 1: slug is not unique']);
  });

  it('POA (proof of attendance) only while the group offers it; a listing stored before the choice offers it', () => {
    const without = tsmlMeeting({ ...base, listing: { ...base.listing, proofOfAttendance: false } }, page);
    expect(without.types).toEqual(['O', 'ONL', 'UK']);
    const { proofOfAttendance: _dropped, ...older } = base.listing;
    const stored = tsmlMeeting({ ...base, listing: older as typeof base.listing }, page);
    expect(stored.types).toContain('POA');
    for (const m of [without, stored]) expect(validateTsmlFeed([m])).toEqual([]);
    // The validator knows POA from the same table the feed uses, and still refuses a made-up code.
    expect(validateTsmlFeed([{ ...stored, types: ['POA', 'PROOF'] }])).toEqual([
      'meeting 0: unknown type PROOF',
    ]);
  });

  it('end times wrap at midnight', () => {
    expect(endTime('19:00', 60)).toBe('20:00');
    expect(endTime('23:45', 30)).toBe('00:15');
  });
});
