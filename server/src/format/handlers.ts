import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';
import type { Formats } from './service.js';

/** The meeting format: writing it, stepping through it, the Reader and Timekeeper roles and the time signal. */
export const formatDomain = (formats: Formats) => {
  const handlers = {
    'format:get': ({ room }) => formats.get(room.id),
    'format:save': async ({ room }, p) => (await formats.save(room, p), null),
    'format:step': async ({ room }, p) => (await formats.step(room, p), null),
    'format:role': async ({ room }, p) => (await formats.assign(room, p.role, p.pid), null),
    'format:signal': async ({ room, pid, role }, p) => formats.signal(room, { pid, role }, p.expectHolder),
  } satisfies HandlerTable;
  return defineDomain({ name: 'format', handlers, attach: (room) => formats.attach(room) });
};
