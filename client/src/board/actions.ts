import type { BoardAccess, Quadrant, Stage } from '@circle/shared';
import * as B from '@circle/shared';
import type { BalanceSync } from './BalanceSync';

/**
 * What the controls can do to a balance, given this person's access. Every change is a local Yjs
 * transaction; BalanceSync sends it. The server decides again, so these flags only shape the screen.
 */
export function balanceActions(
  sync: BalanceSync,
  access: BoardAccess | null,
  myPid: string,
  now: () => number,
  /** What the balance holds now, against the caps the server enforces (this person's proposals too). */
  counts: { items: number; goals: number; suggestions: number; mySuggestions: number },
) {
  const doc = () => sync.replica.doc;
  const b = sync.balance;
  // A copy reloading after a refused change may be empty: no editing until the server's copy is back.
  const ready = sync.replica.synced;
  // Members propose on shared balances; a facilitator may too (gentler than editing someone's list).
  const mayPropose =
    ready && (access === 'suggest' || (access === 'edit' && !!b && b.owner !== myPid && b.shared));
  const full =
    counts.mySuggestions >= B.BOARD_LIMITS.openSuggestionsPerPerson ||
    counts.suggestions >= B.BOARD_LIMITS.suggestionsPerBalance;
  const canEdit = ready && access === 'edit';
  return {
    canEdit,
    /** Adding is hidden once a cap is reached (the screen says so); editing and removing still work. */
    itemsFull: counts.items >= B.BOARD_LIMITS.itemsPerBalance,
    goalsFull: counts.goals >= B.BOARD_LIMITS.goalsPerBalance,
    canSuggest: mayPropose && !full,
    suggestionsFull: mayPropose && full,
    addItem: (q: Quadrant, text: string, importance: number) => void B.addItem(doc(), q, text, importance),
    updateItem: (id: string, patch: { text?: string; importance?: number }) => B.updateItem(doc(), id, patch),
    moveItem: (id: string, by: -1 | 1) => B.moveItem(doc(), id, by),
    removeItem: (id: string) => B.removeItem(doc(), id),
    setStage: (stage: Stage | null) => B.setStage(doc(), stage),
    addGoal: (text: string) => void B.addGoal(doc(), text),
    moveGoal: (id: string, by: -1 | 1) => B.moveGoal(doc(), id, by),
    removeGoal: (id: string) => B.removeGoal(doc(), id),
    suggest: (q: Quadrant, text: string, importance: number) =>
      void B.suggest(doc(), { quadrant: q, text, importance }, myPid, now()),
    accept: (id: string) => void B.acceptSuggestion(doc(), id),
    dismiss: (id: string) => B.dismissSuggestion(doc(), id),
    editing: (itemId: string | null) => sync.setEditing(itemId),
  };
}

export type BalanceActions = ReturnType<typeof balanceActions>;
