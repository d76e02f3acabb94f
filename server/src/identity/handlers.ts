import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';
import { deviceRoutes } from './http.js';

/** Bringing one's identity to another device: the code is asked for in the room and redeemed over HTTP. */
export const identityDomain = (deps: Parameters<typeof deviceRoutes>[0]) =>
  defineDomain({
    name: 'identity',
    handlers: {
      /** A person in the room asks for a one-time code to bring their identity to another device. */
      'identity:deviceCode': ({ room, pid }) => deps.codes.issue(room.id, pid),
    } satisfies HandlerTable,
    routes: deviceRoutes(deps),
  });
