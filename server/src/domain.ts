import type { Router } from 'express';
import type { Room } from './room/Room.js';
import type { HandlerTable } from './socket/context.js';

/**
 * What one domain (chat, board, media…) plugs into the server, always the same few parts; `server.ts` lists
 * the domains and wires each one the same way. A domain's handlers close over the services they use.
 */
export interface Domain<H extends HandlerTable = HandlerTable> {
  /** For messages about the wiring only. */
  name: string;
  /** Its commands, run once the sender has joined, been admitted and holds the grant. */
  handlers?: H;
  /** Called for every room as it loads (this node now holds it). */
  attach?(room: Room): void;
  /** A connection went (on the node that owns its room). */
  socketGone?(groupId: string, socketId: string): void;
  /** Its HTTP routes, mounted under the app. */
  routes?: Router;
  /** On shutdown, after the rooms were let go and before the store closes. */
  close?(): void | Promise<void>;
}

/** Keeps the literal handler keys of a domain, so the merged table can be checked for completeness. */
export const defineDomain = <H extends HandlerTable = Record<never, never>>(domain: Domain<H>): Domain<H> =>
  domain;

type HandlersOf<D> = D extends Domain<infer H> ? H : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Every domain's handlers in one table. Its type is the intersection of the domains' tables, so
 * `mergeHandlers(domains) satisfies CompleteHandlerTable` fails to compile when a command has no handler.
 * Two domains answering the same command is a wiring mistake, refused at start.
 */
export function mergeHandlers<const D extends readonly Domain<HandlerTable>[]>(
  domains: D,
): Intersection<HandlersOf<D[number]>> {
  const table: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [event, handler] of Object.entries(domain.handlers ?? {})) {
      if (Object.hasOwn(table, event)) throw new Error(`${event} has two handlers (${domain.name})`);
      table[event] = handler;
    }
  }
  return table as Intersection<HandlersOf<D[number]>>;
}
