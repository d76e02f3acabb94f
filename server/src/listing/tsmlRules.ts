import { isTimeZone } from '@circle/shared';
import { KNOWN_TSML_CODES } from './codes.js';

/**
 * The Meeting Guide / TSML feed rules we rely on (code4recovery/spec, see docs in the shared notes), as a
 * checker for tests: each problem as a short sentence, none for a valid feed.
 */
export function validateTsmlFeed(feed: unknown): string[] {
  if (!Array.isArray(feed)) return ['the feed is not a JSON array'];
  const problems: string[] = [];
  const slugs = new Set<string>();
  feed.forEach((m: Record<string, unknown>, i) => {
    const at = (s: string) => problems.push(`meeting ${i}: ${s}`);
    if (typeof m !== 'object' || m === null) return void at('not an object');
    if (typeof m.name !== 'string' || !m.name.trim()) at('name is required');
    if (typeof m.slug !== 'string' || !/^[a-z0-9-]+$/.test(m.slug)) at('slug is required (a-z, 0-9, -)');
    else if (slugs.has(m.slug)) at('slug is not unique');
    else slugs.add(m.slug);
    if (m.day !== undefined && !(Number.isInteger(m.day) && (m.day as number) >= 0 && (m.day as number) <= 6))
      at('day must be 0–6');
    for (const f of ['time', 'end_time'] as const)
      if (m[f] !== undefined && !(typeof m[f] === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(m[f])))
        at(`${f} must be HH:MM`);
    if (m.time !== undefined && m.day === undefined) at('a time needs a day');
    if (m.timezone !== undefined && !(typeof m.timezone === 'string' && isTimeZone(m.timezone)))
      at('timezone must be an IANA name');
    if (m.types !== undefined) {
      if (!Array.isArray(m.types)) at('types must be an array');
      else for (const c of m.types) if (!KNOWN_TSML_CODES.has(c as string)) at(`unknown type ${String(c)}`);
    }
    if (!absoluteUrl(m.conference_url) && m.conference_phone === undefined)
      at('an online meeting needs an absolute conference_url');
    if (m.approximate !== undefined && m.approximate !== 'yes' && m.approximate !== 'no')
      at('approximate must be "yes" or "no"');
    if (m.approximate === 'yes' && typeof m.formatted_address !== 'string')
      at('approximate needs a formatted_address');
    if (m.updated !== undefined && !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(String(m.updated)))
      at('updated must be "YYYY-MM-DD HH:MM:SS"');
    for (const f of ['paypal', 'venmo', 'square', 'url'] as const)
      if (m[f] !== undefined && !absoluteUrl(m[f])) at(`${f} must be an absolute address`);
  });
  return problems;
}

const absoluteUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s/]+/.test(v);
