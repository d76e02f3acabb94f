import * as Y from 'yjs';
import { z } from 'zod';
import { BOARD_LIMITS } from './limits.js';

/**
 * The decisional balance as a Y.Doc. Four top-level maps only, so the server can tell from the types an
 * update touched whether it stayed inside what its sender may change:
 *   items        id -> Y.Map { quadrant, text, importance, order }   (owner and facilitators)
 *   goals        id -> Y.Map { text, order }                          (owner and facilitators)
 *   meta         'stage' -> Stage                                     (owner and facilitators)
 *   suggestions  id -> plain Suggestion object                        (anyone who may suggest, own entries only)
 * Items are maps with a fractional `order` rather than positions in a Y.Array: a reorder then sets one
 * number, and concurrent edits of text, weight and position of one item all survive.
 */
export const BOARD_ROOTS = ['items', 'goals', 'meta', 'suggestions'] as const;
export type BoardRoot = (typeof BOARD_ROOTS)[number];

export const QUADRANTS = ['now-good', 'now-bad', 'change-good', 'change-bad'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const STAGES = [
  'precontemplation',
  'contemplation',
  'preparation',
  'action',
  'maintenance',
  'relapse',
] as const;
export type Stage = (typeof STAGES)[number];

export interface BoardItem {
  id: string;
  quadrant: Quadrant;
  text: string;
  importance: number;
  order: number;
}

export interface Goal {
  id: string;
  text: string;
  order: number;
}

export const suggestionValue = z
  .object({
    quadrant: z.enum(QUADRANTS),
    text: z.string().trim().min(1).max(BOARD_LIMITS.textMax),
    importance: z.number().int().min(BOARD_LIMITS.importanceMin).max(BOARD_LIMITS.importanceMax),
    /** The pid of whoever proposed it; the server checks it is the sender. */
    by: z.string().min(1).max(64),
    at: z.number().finite(),
  })
  .strict();
export type SuggestionValue = z.infer<typeof suggestionValue>;
export type Suggestion = SuggestionValue & { id: string };

export interface BoardModel {
  items: Record<Quadrant, BoardItem[]>;
  goals: Goal[];
  stage: Stage | null;
  suggestions: Suggestion[];
}

export function createBoardDoc(): Y.Doc {
  const doc = new Y.Doc();
  // Typed roots up front: integration of remote items needs to know each root is a map.
  for (const root of BOARD_ROOTS) doc.getMap(root);
  return doc;
}

export const roots = (doc: Y.Doc) => ({
  items: doc.getMap<Y.Map<unknown>>('items'),
  goals: doc.getMap<Y.Map<unknown>>('goals'),
  meta: doc.getMap<unknown>('meta'),
  suggestions: doc.getMap<unknown>('suggestions'),
});

const byOrder = <T extends { order: number; id: string }>(a: T, b: T) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const clampImportance = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v)
    ? Math.min(BOARD_LIMITS.importanceMax, Math.max(BOARD_LIMITS.importanceMin, Math.round(v)))
    : BOARD_LIMITS.importanceMin;
const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, BOARD_LIMITS.textMax) : '');
const order = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const isQuadrant = (v: unknown): v is Quadrant => QUADRANTS.includes(v as Quadrant);

/**
 * A plain, sanitised view of the document. The reader never trusts the shapes inside: anything malformed
 * (which only an editor could have written) is clamped or skipped rather than breaking every screen.
 */
export function readModel(doc: Y.Doc): BoardModel {
  const r = roots(doc);
  const items: BoardModel['items'] = { 'now-good': [], 'now-bad': [], 'change-good': [], 'change-bad': [] };
  r.items.forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const quadrant = value.get('quadrant');
    if (!isQuadrant(quadrant)) return;
    items[quadrant].push({
      id,
      quadrant,
      text: text(value.get('text')),
      importance: clampImportance(value.get('importance')),
      order: order(value.get('order')),
    });
  });
  for (const q of QUADRANTS) items[q].sort(byOrder);
  const goals: Goal[] = [];
  r.goals.forEach((value, id) => {
    if (value instanceof Y.Map)
      goals.push({ id, text: text(value.get('text')), order: order(value.get('order')) });
  });
  goals.sort(byOrder);
  const stage = r.meta.get('stage');
  const suggestions: Suggestion[] = [];
  r.suggestions.forEach((value, id) => {
    const parsed = suggestionValue.safeParse(value);
    if (parsed.success) suggestions.push({ id, ...parsed.data });
  });
  suggestions.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return { items, goals, stage: STAGES.includes(stage as Stage) ? (stage as Stage) : null, suggestions };
}

export interface Lean {
  /** Weighted reasons to change: good things about changing plus not-so-good things about now. */
  toChange: number;
  /** Weighted reasons to stay the same: good things about now plus not-so-good things about changing. */
  toStay: number;
  direction: 'change' | 'stay' | 'even';
  /** -1 (all weight on staying) .. 1 (all weight on changing); 0 when even or empty. */
  tilt: number;
}

const weight = (list: BoardItem[]) => list.reduce((sum, i) => sum + i.importance, 0);

export function lean(model: Pick<BoardModel, 'items'>): Lean {
  const toChange = weight(model.items['change-good']) + weight(model.items['now-bad']);
  const toStay = weight(model.items['now-good']) + weight(model.items['change-bad']);
  const total = toChange + toStay;
  return {
    toChange,
    toStay,
    direction: toChange > toStay ? 'change' : toStay > toChange ? 'stay' : 'even',
    tilt: total === 0 ? 0 : (toChange - toStay) / total,
  };
}

export const itemCount = (model: Pick<BoardModel, 'items'>) =>
  QUADRANTS.reduce((n, q) => n + model.items[q].length, 0);

export const isEmptyModel = (m: BoardModel) =>
  itemCount(m) === 0 && m.goals.length === 0 && m.stage === null && m.suggestions.length === 0;
