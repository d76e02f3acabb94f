import type { HandlerTable } from '../socket/context.js';

export const lobbyHandlers = {
  'lobby:admit': async ({ room }, p) => (await room.admit([p.pid]), null),
  'lobby:admitAll': async ({ room }) => ({ admitted: await room.admit('all') }),
} satisfies HandlerTable;
