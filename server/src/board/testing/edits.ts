import type { Quadrant } from '@circle/shared';
import * as B from '@circle/shared';
import type * as Y from 'yjs';
import type { Rng } from '@circle/shared/random';

/** Targets are chosen by text (deterministic per seed), never by position or id. */
const byText = <T extends { text: string }>(xs: T[]) => [...xs].sort((a, b) => (a.text < b.text ? -1 : 1));

/** One random edit an owner or facilitator could make through the UI. */
export function editorEdit(rng: Rng, doc: Y.Doc, label: string): void {
  const m = B.readModel(doc);
  const items = byText(B.QUADRANTS.flatMap((q) => m.items[q]));
  const goals = byText(m.goals);
  const quadrant = (): Quadrant => rng.pick(B.QUADRANTS);
  const weight = () => 1 + rng.int(5);
  const op = rng.int(11);
  if (op <= 2 || items.length === 0) B.addItem(doc, quadrant(), label, weight());
  else if (op === 3) B.updateItem(doc, rng.pick(items).id, { text: `${label}*` });
  else if (op === 4) B.updateItem(doc, rng.pick(items).id, { importance: weight() });
  else if (op === 5) B.updateItem(doc, rng.pick(items).id, { quadrant: quadrant() });
  else if (op === 6) B.moveItem(doc, rng.pick(items).id, rng.chance(0.5) ? -1 : 1);
  else if (op === 7) B.removeItem(doc, rng.pick(items).id);
  else if (op === 8) B.setStage(doc, rng.chance(0.9) ? rng.pick(B.STAGES) : null);
  else if (op === 9) {
    if (goals.length === 0 || rng.chance(0.4)) B.addGoal(doc, label);
    else if (rng.chance(0.7)) B.moveGoal(doc, rng.pick(goals).id, rng.chance(0.5) ? -1 : 1);
    else B.removeGoal(doc, rng.pick(goals).id);
  } else {
    const open = byText(m.suggestions);
    if (open.length === 0) B.addItem(doc, quadrant(), label, weight());
    else if (rng.chance(0.6)) B.acceptSuggestion(doc, rng.pick(open).id);
    else B.dismissSuggestion(doc, rng.pick(open).id);
  }
}

/**
 * One random edit by a member on a shared balance: propose, or withdraw their own proposal. Now and then a
 * forged edit (changing an item directly) that the server must refuse, which sends the replica to reset.
 */
export function suggesterEdit(rng: Rng, doc: Y.Doc, pid: string, label: string, at: number): 'ok' | 'forged' {
  const m = B.readModel(doc);
  if (rng.chance(0.05)) {
    const items = byText(B.QUADRANTS.flatMap((q) => m.items[q]));
    if (items.length && rng.chance(0.5)) B.removeItem(doc, rng.pick(items).id);
    else B.addItem(doc, rng.pick(B.QUADRANTS), `${label}!forged`, 5);
    return 'forged';
  }
  const mine = byText(m.suggestions.filter((s) => s.by === pid));
  // An honest client stays under the cap on open proposals, as the UI does.
  const full = mine.length >= B.BOARD_LIMITS.openSuggestionsPerPerson;
  if (mine.length && (full || rng.chance(0.25))) B.dismissSuggestion(doc, rng.pick(mine).id);
  else B.suggest(doc, { quadrant: rng.pick(B.QUADRANTS), text: label, importance: 1 + rng.int(5) }, pid, at);
  return 'ok';
}
