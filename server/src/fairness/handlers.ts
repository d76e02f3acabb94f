import { defineDomain } from '../domain.js';
import type { Fairness } from './aggregator.js';
import type { HandlerTable } from '../socket/context.js';

/** Talk-time shares for the facilitators; media feeds the talk time. */
export const fairnessDomain = (fairness: Fairness) =>
  defineDomain({
    name: 'fairness',
    handlers: {
      /** Facilitators only (EVENT_ROLES): members never see talk-time shares. */
      'fairness:view': async ({ room }) => fairness.view(room.id),
    } satisfies HandlerTable,
    attach: (room) => fairness.attach(room),
    close: () => fairness.close(),
  });
