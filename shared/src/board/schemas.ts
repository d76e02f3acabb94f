import { z } from 'zod';
import { empty, id } from '../schemaParts.js';
import { BOARD_LIMITS } from './limits.js';
import type { BoardModel } from './model.js';
import type { Bytes } from './protocol.js';

/**
 * Binary y-protocols messages. Socket.IO hands the server a Buffer (a Uint8Array); anything else, and
 * anything over the cap, is refused before a handler runs.
 */
const message = z.custom<Uint8Array>(
  (b) => b instanceof Uint8Array && b.byteLength > 0 && b.byteLength <= BOARD_LIMITS.messageMax,
);
const title = z.string().trim().min(1).max(BOARD_LIMITS.titleMax);

/** Decisional balances: the list, sync of one balance's Y.Doc, sharing, spotlight, deletion. */
export const boardEventSchemas = {
  'board:list': empty,
  'board:create': z.object({ title }).strict(),
  /** Subscribes to a balance; `sync` is y-protocols sync step 1 and the answer carries step 2. */
  'board:open': z.object({ id, sync: message }).strict(),
  'board:close': z.object({ id }).strict(),
  /** A y-protocols update (or step 2) message; the server decides whether the sender may make it. */
  'board:update': z.object({ id, sync: message }).strict(),
  'board:awareness': z.object({ id, awareness: message }).strict(),
  'board:share': z.object({ id, shared: z.boolean() }).strict(),
  'board:rename': z.object({ id, title }).strict(),
  'board:delete': z.object({ id }).strict(),
  /** A facilitator puts one shared balance on everyone's screen, or takes it down (null). */
  'board:spotlight': z.object({ id: id.nullable() }).strict(),
} as const;

export type BoardAccess = 'edit' | 'suggest' | 'read';

export interface BalanceSummary {
  id: string;
  /** The owner's personal identity (pid); names come from the room's participant list. */
  owner: string;
  title: string;
  shared: boolean;
  createdAt: number;
}

export interface BalanceSnapshot {
  /** When the meeting ended. */
  at: number;
  model: BoardModel;
}

export interface BoardList {
  balances: BalanceSummary[];
  spotlight: string | null;
}

export interface BoardOpened {
  balance: BalanceSummary;
  access: BoardAccess;
  /** y-protocols sync step 2: everything the opener's copy lacks. */
  sync: Bytes;
  /** Who is editing what right now (y-protocols awareness update), or null. */
  awareness: Bytes | null;
  /** The owner's copy as it stood at the end of the last meeting, to show what changed since. */
  previous: BalanceSnapshot | null;
}

export interface BoardEventResults {
  'board:list': BoardList;
  'board:create': BalanceSummary;
  'board:open': BoardOpened;
  'board:close': null;
  'board:update': null;
  'board:awareness': null;
  'board:share': BalanceSummary;
  'board:rename': BalanceSummary;
  'board:delete': null;
  'board:spotlight': null;
}

export interface BoardServerEvents {
  /** A change someone else made to a balance this connection has open (y-protocols update message). */
  'board:update': (id: string, sync: Bytes) => void;
  'board:awareness': (id: string, awareness: Bytes) => void;
  /** Which balances this person may see has changed: ask again with board:list. */
  'board:changed': () => void;
  'board:spotlight': (id: string | null) => void;
  /** A balance this connection had open is no longer visible to it (unshared, deleted, owner gone). */
  'board:gone': (id: string) => void;
}
