import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_LIMITS } from './limits.js';
import { QUADRANTS, STAGES, suggestionValue, type BoardRoot } from './model.js';

/**
 * The exact shape of a balance, as the server enforces it on the document an update produces. The reader
 * (readModel) forgives anything; this does not: only the model's keys, primitive values of the right type
 * and length, and nothing nested below an item's or a goal's own map. A deep or foreign structure would
 * otherwise cost memory and time on every load, compaction and snapshot, for nothing anyone can see.
 */
const text = z.string().min(1).max(BOARD_LIMITS.textMax);
const order = z.number().finite();
const itemFields = z
  .object({
    quadrant: z.enum(QUADRANTS),
    text,
    importance: z.number().int().min(BOARD_LIMITS.importanceMin).max(BOARD_LIMITS.importanceMax),
    order,
  })
  .strict();
const goalFields = z.object({ text, order }).strict();
const metaValues: Record<string, z.ZodType> = { stage: z.enum(STAGES) };

/** Entries of these roots are Y.Maps of primitive fields; the other roots hold primitives directly. */
const ENTRY_MAPS: Partial<Record<BoardRoot, z.ZodType>> = { items: itemFields, goals: goalFields };

/** True when the type holds list content (positions), which no part of the model uses. */
function hasListContent(type: Y.Map<unknown>): boolean {
  for (let n = type._start; n !== null; n = n.right) if (!n.deleted) return true;
  return false;
}

/** Whether an entry map of `items` or `goals` has exactly the model's fields, all primitive. */
function validEntryMap(root: BoardRoot, value: unknown): boolean {
  const schema = ENTRY_MAPS[root];
  if (!schema || !(value instanceof Y.Map) || hasListContent(value)) return false;
  return schema.safeParse(Object.fromEntries(value.entries())).success;
}

/** Whether `value` may sit under `key` of the root `root` (undefined: the key was deleted). */
export function validRootEntry(root: BoardRoot, key: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (root === 'items' || root === 'goals') return validEntryMap(root, value);
  if (root === 'meta') return !!metaValues[key]?.safeParse(value).success;
  return suggestionValue.safeParse(value).success;
}

/**
 * Checks every type a transaction changed against the model. `rootOf` names a root type (null for any
 * other). Types created inside the transaction are not in `t.changed`; they are reached, and checked
 * whole, through the existing key they were set under.
 */
export function validTransaction(t: Y.Transaction, rootOf: (type: unknown) => BoardRoot | null): boolean {
  for (const [type, keys] of t.changed) {
    const root = rootOf(type);
    if (root) {
      for (const key of keys) {
        if (key === null) return false;
        if (!validRootEntry(root, key, (type as unknown as Y.Map<unknown>).get(key))) return false;
      }
      continue;
    }
    // Otherwise only an entry map directly under `items` or `goals`, checked as a whole.
    const item = type._item;
    if (item === null) return false;
    if (item.deleted) continue;
    const parent = rootOf(item.parent);
    if (!parent || keys.has(null) || item.parentSub === null) return false;
    if (!validEntryMap(parent, type)) return false;
  }
  return true;
}
