import type { BoardModel } from '@circle/shared';
import { BOARD_LIMITS, itemCount } from '@circle/shared';

/** What the screen says when a balance, or this person's list of balances, has reached a server cap. */
export const FULL = {
  items: `This balance is full (${BOARD_LIMITS.itemsPerBalance} items). Remove one to add another.`,
  goals: `The goals are full (${BOARD_LIMITS.goalsPerBalance}). Remove one to add another.`,
  suggestions: 'Suggestions are full for now; the owner can answer those waiting first.',
  balances: `You already have ${BOARD_LIMITS.balancesPerOwner} balances here. Delete one to start another.`,
  history:
    'This balance has reached its size limit, so that change was not kept. Export it and start a new one to go on.',
} as const;

/**
 * Why the server answered LIMIT to a change, read from this copy with the refused change still in it:
 * over the item or goal cap, or else over the cap on history.
 */
export function limitNotice(model: BoardModel): string {
  if (itemCount(model) > BOARD_LIMITS.itemsPerBalance)
    return `This balance is full (${BOARD_LIMITS.itemsPerBalance} items), so that item was not kept.`;
  if (model.goals.length > BOARD_LIMITS.goalsPerBalance)
    return `The goals are full (${BOARD_LIMITS.goalsPerBalance}), so that goal was not kept.`;
  if (model.suggestions.length > BOARD_LIMITS.suggestionsPerBalance) return FULL.suggestions;
  return FULL.history;
}
