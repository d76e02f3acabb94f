import type { BoardItem, BoardModel, Stage } from './model.js';
import { lean, QUADRANTS } from './model.js';

export interface BalanceChanges {
  added: BoardItem[];
  removed: BoardItem[];
  reweighed: { item: BoardItem; from: number }[];
  stage: { from: Stage | null; to: Stage | null } | null;
  lean: { from: number; to: number };
}

const all = (m: BoardModel) => QUADRANTS.flatMap((q) => m.items[q]);

/** What changed since a snapshot (the end of the last meeting), for the owner to look back on. */
export function compareBalances(before: BoardModel, now: BoardModel): BalanceChanges {
  const old = new Map(all(before).map((i) => [i.id, i]));
  const cur = new Map(all(now).map((i) => [i.id, i]));
  const score = (m: BoardModel) => {
    const l = lean(m);
    return l.toChange - l.toStay;
  };
  return {
    added: all(now).filter((i) => !old.has(i.id)),
    removed: all(before).filter((i) => !cur.has(i.id)),
    reweighed: all(now)
      .filter((i) => old.has(i.id) && old.get(i.id)!.importance !== i.importance)
      .map((item) => ({ item, from: old.get(item.id)!.importance })),
    stage: before.stage === now.stage ? null : { from: before.stage, to: now.stage },
    lean: { from: score(before), to: score(now) },
  };
}

export const hasChanges = (c: BalanceChanges) =>
  c.added.length > 0 ||
  c.removed.length > 0 ||
  c.reweighed.length > 0 ||
  c.stage !== null ||
  c.lean.from !== c.lean.to;
