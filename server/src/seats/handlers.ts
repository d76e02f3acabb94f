import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';

const seatHandlers = {
  'seats:reorder': async ({ room }, p) => (await room.reorderSeats(p.order), null),
} satisfies HandlerTable;

export const seatDomain = () => defineDomain({ name: 'seats', handlers: seatHandlers });
