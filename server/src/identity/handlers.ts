import type { HandlerTable } from '../socket/context.js';

/** A person in the room asks for a one-time code to bring their identity to another device. */
export const identityHandlers = {
  'identity:deviceCode': ({ services, room, pid }) => services.deviceCodes.issue(room.id, pid),
} satisfies HandlerTable;
