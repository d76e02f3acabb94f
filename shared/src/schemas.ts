import type { z } from 'zod';
import { COMMANDS, type Commands } from './commands.js';

/**
 * Every client-to-server event and its payload schema, read off the command definitions. The server
 * validates each payload with these before any handler runs.
 */
export const clientEventSchemas = Object.fromEntries(
  Object.entries(COMMANDS).map(([event, command]) => [event, command.schema]),
) as { readonly [E in keyof Commands]: Commands[E]['schema'] };

export type ClientEventName = keyof Commands;
export type ClientPayload<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;
