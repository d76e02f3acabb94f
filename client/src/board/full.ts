import type { BoardModel } from '@circle/shared';
import { BOARD_LIMITS, itemCount } from '@circle/shared';
import type { BoardNotice } from './words';

/**
 * Why the server answered LIMIT to a change, read from this copy with the refused change still in it:
 * over the item or goal cap, or else over the cap on history. Worded where it is shown (`boardNotice`).
 */
export function limitNotice(model: BoardModel): BoardNotice {
  if (itemCount(model) > BOARD_LIMITS.itemsPerBalance) return 'itemNotKept';
  if (model.goals.length > BOARD_LIMITS.goalsPerBalance) return 'goalNotKept';
  if (model.suggestions.length > BOARD_LIMITS.suggestionsPerBalance) return 'suggestions';
  return 'history';
}
