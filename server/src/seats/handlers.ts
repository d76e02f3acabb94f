import type { HandlerTable } from '../socket/context.js';

export const seatHandlers = {
  'seats:reorder': async ({ room }, p) => (await room.reorderSeats(p.order), null),
} satisfies HandlerTable;
