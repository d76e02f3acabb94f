import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';
import { admit } from '../room/membership.js';

const lobbyHandlers = {
  'lobby:admit': async ({ room }, p) => (await admit(room, [p.pid]), null),
  'lobby:admitAll': async ({ room }) => ({ admitted: await admit(room, 'all') }),
} satisfies HandlerTable;

export const lobbyDomain = () => defineDomain({ name: 'lobby', handlers: lobbyHandlers });
