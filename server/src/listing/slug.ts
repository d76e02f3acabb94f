import type { GroupRecord } from '../room/records.js';
import { digest } from '../tokens.js';

/**
 * A listed group's public slug: readable, stable, and not the group's id (which nothing public shows):
 * its name in plain letters and a short digest of the id, so two groups of the same name still differ.
 */
export function slugOf(group: GroupRecord): string {
  const words = group.settings.name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const tail = digest(group.id)
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');
  return `${words || 'group'}-${tail}`;
}
