import { DEFAULT_LISTING, nextMeetingAt, type Listing } from '@circle/shared';
import { isListed, type GroupRecord, type Groups } from '../groups/service.js';
import { slugOf } from './slug.js';

/** A group as the public list shows it: only what the list needs, and the lobby-only Join link. */
export interface ListedGroup {
  slug: string;
  name: string;
  kind: GroupRecord['settings']['kind'];
  schedule: GroupRecord['settings']['schedule'];
  meetingMinutes: number;
  language: GroupRecord['settings']['language'];
  listing: Listing;
  /** Absolute address of the Join link (it lands in the lobby). */
  joinUrl: string;
  /** The next meeting, or null without a schedule. */
  nextAt: number | null;
  updatedAt: number;
}

export async function toListed(
  groups: Groups,
  group: GroupRecord | null,
  origin: string,
  now: number,
): Promise<ListedGroup | null> {
  if (!group || !isListed(group)) return null;
  const link = await groups.listingLink(group);
  if (!link) return null;
  const s = group.settings;
  return {
    slug: slugOf(group),
    name: s.name,
    kind: s.kind,
    schedule: s.schedule,
    meetingMinutes: s.meetingMinutes,
    language: s.language ?? 'en',
    listing: s.listing ?? DEFAULT_LISTING,
    joinUrl: `${origin}${link}`,
    nextAt: nextMeetingAt(s.schedule, now),
    updatedAt: group.createdAt,
  };
}

/** Every listed group, by day and time (then name), for the page and the feed. */
export async function listedGroups(groups: Groups, origin: string, now: number): Promise<ListedGroup[]> {
  const found = await Promise.all(
    (await groups.listedIds()).map(async (id) => toListed(groups, await groups.get(id), origin, now)),
  );
  const key = (g: ListedGroup) => (g.schedule ? `${g.schedule.weekday}${g.schedule.time}` : '9');
  return found
    .filter((g): g is ListedGroup => g !== null)
    .sort((a, b) => key(a).localeCompare(key(b)) || a.name.localeCompare(b.name));
}

/** A listed group by its slug, or null (unlisted, unknown, deleted: all look the same). */
export async function listedBySlug(
  groups: Groups,
  slug: string,
  origin: string,
  now: number,
): Promise<ListedGroup | null> {
  return (await listedGroups(groups, origin, now)).find((g) => g.slug === slug) ?? null;
}
