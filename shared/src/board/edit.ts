import { uint32 } from 'lib0/random';
import * as Y from 'yjs';
import { BOARD_LIMITS } from './limits.js';
import type { Quadrant, Stage, SuggestionValue } from './model.js';
import { readModel, roots, suggestionValue } from './model.js';

/**
 * Every change to a balance, each one Yjs transaction. The UI calls only these, so an honest client never
 * writes a shape the reader or the server would refuse.
 */

/** Where new item, goal and suggestion ids come from; the seeded convergence test swaps in its own to replay. */
export const boardIds = { next: () => uint32().toString(36) + uint32().toString(36) };
export const newBoardId = () => boardIds.next();

const clean = (text: string) => text.trim().slice(0, BOARD_LIMITS.textMax);
const weightOf = (n: number) =>
  Math.min(BOARD_LIMITS.importanceMax, Math.max(BOARD_LIMITS.importanceMin, Math.round(n)));

/** A number strictly between two neighbours' orders (either may be missing at an end). */
export function orderBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

function fields(map: Y.Map<unknown>, values: Record<string, unknown>) {
  for (const [k, v] of Object.entries(values)) if (map.get(k) !== v) map.set(k, v);
}

export function addItem(doc: Y.Doc, quadrant: Quadrant, text: string, importance: number): string | null {
  const body = clean(text);
  if (!body) return null;
  const id = newBoardId();
  doc.transact(() => {
    const last = readModel(doc).items[quadrant].at(-1);
    const item = new Y.Map<unknown>();
    roots(doc).items.set(id, item);
    fields(item, {
      quadrant,
      text: body,
      importance: weightOf(importance),
      order: orderBetween(last?.order, undefined),
    });
  });
  return id;
}

export function updateItem(
  doc: Y.Doc,
  id: string,
  patch: { text?: string; importance?: number; quadrant?: Quadrant },
): void {
  const item = roots(doc).items.get(id);
  if (!(item instanceof Y.Map)) return;
  doc.transact(() => {
    if (patch.text !== undefined && clean(patch.text)) fields(item, { text: clean(patch.text) });
    if (patch.importance !== undefined) fields(item, { importance: weightOf(patch.importance) });
    if (patch.quadrant !== undefined && patch.quadrant !== item.get('quadrant')) {
      const last = readModel(doc).items[patch.quadrant].at(-1);
      fields(item, { quadrant: patch.quadrant, order: orderBetween(last?.order, undefined) });
    }
  });
}

/** Moves an item or a goal one place up (-1) or down (+1) by giving it an order between its new neighbours. */
function move(
  doc: Y.Doc,
  list: { id: string; order: number }[],
  map: Y.Map<Y.Map<unknown>>,
  id: string,
  by: -1 | 1,
) {
  const i = list.findIndex((x) => x.id === id);
  const target = i + by;
  if (i < 0 || target < 0 || target >= list.length) return;
  const [a, b] = by < 0 ? [list[target - 1], list[target]] : [list[target], list[target + 1]];
  let next = orderBetween(a?.order, b?.order);
  doc.transact(() => {
    if (next === a?.order || next === b?.order) {
      // Ties (or exhausted precision): renumber the whole list once, then place between the new numbers.
      list.forEach((x, n) => map.get(x.id)?.set('order', n * 2));
      const pos = by < 0 ? target : target + 1;
      next = pos * 2 - 1;
    }
    map.get(id)?.set('order', next);
  });
}

export function moveItem(doc: Y.Doc, id: string, by: -1 | 1): void {
  const item = roots(doc).items.get(id);
  const quadrant = item instanceof Y.Map ? (item.get('quadrant') as Quadrant) : null;
  if (!quadrant) return;
  move(doc, readModel(doc).items[quadrant] ?? [], roots(doc).items, id, by);
}

export function removeItem(doc: Y.Doc, id: string): void {
  roots(doc).items.delete(id);
}

export function setStage(doc: Y.Doc, stage: Stage | null): void {
  const meta = roots(doc).meta;
  if (stage === null) meta.delete('stage');
  else if (meta.get('stage') !== stage) meta.set('stage', stage);
}

export function addGoal(doc: Y.Doc, text: string): string | null {
  const body = clean(text);
  if (!body) return null;
  const id = newBoardId();
  doc.transact(() => {
    const last = readModel(doc).goals.at(-1);
    const goal = new Y.Map<unknown>();
    roots(doc).goals.set(id, goal);
    fields(goal, { text: body, order: orderBetween(last?.order, undefined) });
  });
  return id;
}

export function editGoal(doc: Y.Doc, id: string, text: string): void {
  const goal = roots(doc).goals.get(id);
  if (goal instanceof Y.Map && clean(text)) fields(goal, { text: clean(text) });
}

export function moveGoal(doc: Y.Doc, id: string, by: -1 | 1): void {
  move(doc, readModel(doc).goals, roots(doc).goals, id, by);
}

export function removeGoal(doc: Y.Doc, id: string): void {
  roots(doc).goals.delete(id);
}

/** A proposal from someone who may not change items: it lives only in the suggestions area. */
export function suggest(
  doc: Y.Doc,
  s: { quadrant: Quadrant; text: string; importance: number },
  by: string,
  at: number,
): string | null {
  const value: SuggestionValue = {
    quadrant: s.quadrant,
    text: clean(s.text),
    importance: weightOf(s.importance),
    by,
    at,
  };
  if (!suggestionValue.safeParse(value).success) return null;
  const id = newBoardId();
  roots(doc).suggestions.set(id, value);
  return id;
}

/** The owner (or a facilitator) takes a proposal in: it becomes an item, in one transaction. */
export function acceptSuggestion(doc: Y.Doc, id: string): string | null {
  const parsed = suggestionValue.safeParse(roots(doc).suggestions.get(id));
  if (!parsed.success) return null;
  let itemId: string | null = null;
  doc.transact(() => {
    roots(doc).suggestions.delete(id);
    itemId = addItem(doc, parsed.data.quadrant, parsed.data.text, parsed.data.importance);
  });
  return itemId;
}

/** Dismissing, or the proposer withdrawing their own: the proposal simply goes. */
export function dismissSuggestion(doc: Y.Doc, id: string): void {
  roots(doc).suggestions.delete(id);
}
