import type { HandlerTable } from '../socket/context.js';

/** Facilitators only (EVENT_ROLES): members never see talk-time shares. */
export const fairnessHandlers = {
  'fairness:view': async ({ services, room }) => services.fairness.view(room.id),
} satisfies HandlerTable;
