import { sameJson } from '@circle/shared';
import type { RoomRecord } from './records.js';

/**
 * A deep copy of plain JSON data (the record is stored and sent as JSON), a few times cheaper than a JSON
 * round trip, which every change of every room paid.
 */
export function plainCopy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(plainCopy) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v))
    // A key named __proto__ would set the prototype instead of a property.
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: plainCopy(x),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else if (x !== undefined) out[k] = plainCopy(x);
  return out as T;
}

/**
 * After a change made on a deep copy: every part of the record that came out equal to what it was is the
 * old object again, so whoever follows the room (the roster, the patch, the domains' hooks) tells "did the
 * participants change?" by identity instead of walking them, and the copy's garbage goes at once.
 */
export function shareUnchanged(prev: Readonly<RoomRecord>, next: RoomRecord): void {
  const from = prev as unknown as Record<string, unknown>;
  const to = next as unknown as Record<string, unknown>;
  for (const k of Object.keys(to))
    if (
      k !== 'seq' &&
      k !== 'floor' &&
      to[k] !== from[k] &&
      Object.hasOwn(from, k) &&
      sameJson(from[k] as never, to[k] as never)
    )
      to[k] = from[k];
}
