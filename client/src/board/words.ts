import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { BoardModel, Quadrant, Stage } from '@circle/shared';
import { BOARD_LIMITS, lean } from '@circle/shared';

/**
 * The decisional balance's fixed words (quadrants, stages of change, the lean, importance, the caps),
 * worded in the viewer's language. The texts people write on a balance are theirs and stay as written.
 */
const quadrants = defineMessages({
  'now-good': {
    id: 'board.words.quadrantNowGood',
    defaultMessage: 'Good things about how things are now',
    description: 'Decisional balance quadrant: benefits of the present behaviour',
  },
  'now-bad': {
    id: 'board.words.quadrantNowBad',
    defaultMessage: 'Not-so-good things about how things are now',
    description: 'Decisional balance quadrant: costs of the present behaviour',
  },
  'change-good': {
    id: 'board.words.quadrantChangeGood',
    defaultMessage: 'Good things about changing',
    description: 'Decisional balance quadrant: benefits of change',
  },
  'change-bad': {
    id: 'board.words.quadrantChangeBad',
    defaultMessage: 'Not-so-good things about changing',
    description: 'Decisional balance quadrant: costs of change',
  },
});

const stages = defineMessages({
  precontemplation: {
    id: 'board.words.stagePrecontemplation',
    defaultMessage: 'Precontemplation (not thinking about changing)',
    description: 'Stage of change (transtheoretical model), with a plain gloss in brackets',
  },
  contemplation: {
    id: 'board.words.stageContemplation',
    defaultMessage: 'Contemplation (thinking about it)',
    description: 'Stage of change (transtheoretical model), with a plain gloss in brackets',
  },
  preparation: {
    id: 'board.words.stagePreparation',
    defaultMessage: 'Preparation (getting ready)',
    description: 'Stage of change (transtheoretical model), with a plain gloss in brackets',
  },
  action: {
    id: 'board.words.stageAction',
    defaultMessage: 'Action (changing now)',
    description: 'Stage of change (transtheoretical model), with a plain gloss in brackets',
  },
  maintenance: {
    id: 'board.words.stageMaintenance',
    defaultMessage: 'Maintenance (keeping it up)',
    description: 'Stage of change (transtheoretical model), with a plain gloss in brackets',
  },
  relapse: {
    id: 'board.words.stageRelapse',
    defaultMessage: 'Relapse (slipped back)',
    description: 'Stage of change (transtheoretical model), with a plain gloss in brackets',
  },
});

const m = defineMessages({
  notRecorded: {
    id: 'board.words.stageNotRecorded',
    defaultMessage: 'not recorded',
    description: 'No stage of change was chosen',
  },
  leanEven: {
    id: 'board.words.leanEven',
    defaultMessage:
      'The balance is even: reasons to change weigh {toChange}, reasons to stay the same weigh {toStay}.',
  },
  leanChange: {
    id: 'board.words.leanChange',
    defaultMessage:
      'The balance leans towards changing: reasons to change weigh {toChange}, reasons to stay the same weigh {toStay}.',
  },
  leanStay: {
    id: 'board.words.leanStay',
    defaultMessage:
      'The balance leans towards staying the same: reasons to change weigh {toChange}, reasons to stay the same weigh {toStay}.',
  },
  importance: {
    id: 'board.words.importance',
    defaultMessage:
      '{weight} – {weight, select, 1 {a little} 2 {some} 3 {quite a lot} 4 {a lot} other {very much}}',
    description: 'An option of the importance list (1 to 5): the number, then what it means',
  },
  importanceOf: {
    id: 'board.words.importanceOf',
    defaultMessage: 'importance {weight} of 5',
  },
  fullItems: {
    id: 'board.words.fullItems',
    defaultMessage:
      'This balance is full ({max, plural, one {# item} other {# items}}). Remove one to add another.',
  },
  fullGoals: {
    id: 'board.words.fullGoals',
    defaultMessage: 'The goals are full ({max}). Remove one to add another.',
  },
  fullSuggestions: {
    id: 'board.words.fullSuggestions',
    defaultMessage: 'Suggestions are full for now; the owner can answer those waiting first.',
  },
  fullBalances: {
    id: 'board.words.fullBalances',
    defaultMessage:
      'You already have {max, plural, one {# balance} other {# balances}} here. Delete one to start another.',
  },
  fullHistory: {
    id: 'board.words.fullHistory',
    defaultMessage:
      'This balance has reached its size limit, so that change was not kept. Export it and start a new one to go on.',
  },
  itemNotKept: {
    id: 'board.words.itemNotKept',
    defaultMessage:
      'This balance is full ({max, plural, one {# item} other {# items}}), so that item was not kept.',
  },
  goalNotKept: {
    id: 'board.words.goalNotKept',
    defaultMessage: 'The goals are full ({max}), so that goal was not kept.',
  },
  rejected: {
    id: 'board.words.rejected',
    defaultMessage: 'That change was not accepted, so the balance was reloaded from the server.',
  },
});

export const quadrantLabel = (intl: IntlShape, q: Quadrant) => intl.formatMessage(quadrants[q]);

export const stageLabel = (intl: IntlShape, s: Stage | null | undefined) =>
  intl.formatMessage(s ? stages[s] : m.notRecorded);

export function leanSentence(intl: IntlShape, model: Pick<BoardModel, 'items'>): string {
  const l = lean(model);
  const message = l.direction === 'even' ? m.leanEven : l.direction === 'change' ? m.leanChange : m.leanStay;
  return intl.formatMessage(message, { toChange: l.toChange, toStay: l.toStay });
}

export const importanceOption = (intl: IntlShape, weight: number) =>
  intl.formatMessage(m.importance, { weight });

export const importanceOf = (intl: IntlShape, weight: number) =>
  intl.formatMessage(m.importanceOf, { weight });

/**
 * What the screen says when a balance, or this person's list of balances, has reached a server cap, or a
 * change was refused: kept as a code by the code that meets it, worded where it is shown.
 */
export type BoardNotice =
  'items' | 'goals' | 'suggestions' | 'balances' | 'history' | 'itemNotKept' | 'goalNotKept' | 'rejected';

export function boardNotice(intl: IntlShape, notice: BoardNotice): string {
  switch (notice) {
    case 'items':
      return intl.formatMessage(m.fullItems, { max: BOARD_LIMITS.itemsPerBalance });
    case 'goals':
      return intl.formatMessage(m.fullGoals, { max: BOARD_LIMITS.goalsPerBalance });
    case 'suggestions':
      return intl.formatMessage(m.fullSuggestions);
    case 'balances':
      return intl.formatMessage(m.fullBalances, { max: BOARD_LIMITS.balancesPerOwner });
    case 'history':
      return intl.formatMessage(m.fullHistory);
    case 'itemNotKept':
      return intl.formatMessage(m.itemNotKept, { max: BOARD_LIMITS.itemsPerBalance });
    case 'goalNotKept':
      return intl.formatMessage(m.goalNotKept, { max: BOARD_LIMITS.goalsPerBalance });
    case 'rejected':
      return intl.formatMessage(m.rejected);
  }
}
