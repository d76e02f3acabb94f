import { defineCommands } from '../commandKit.js';
import { boardEventSchemas, type BoardEventResults } from './schemas.js';

/** A y-protocols message of two bytes: enough for the schema; the balance it names does not exist. */
const sync = new Uint8Array([0, 0]);

/**
 * Decisional balances. Observers read shared balances but never write; ownership and sharing are checked
 * per balance by the server.
 */
export const boardCommands = defineCommands<BoardEventResults>()(boardEventSchemas, {
  'board:list': {
    summary: 'List the balances one may see, and the one in the spotlight.',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
  'board:create': {
    summary: 'Create a balance of one’s own.',
    grant: 'speak',
    log: 'quiet',
    example: { title: 'My drinking' },
    broadcasts: ['board:changed'],
  },
  'board:open': {
    summary: 'Open a balance: y-protocols sync step 1 in, step 2 and who is editing out.',
    grant: 'listen',
    log: 'quiet',
    example: { id: 'no-such-balance', sync },
  },
  'board:close': {
    summary: 'Stop following a balance.',
    grant: 'listen',
    log: 'quiet',
    example: { id: 'no-such-balance' },
    broadcasts: ['board:awareness'],
  },
  'board:update': {
    summary: 'A change to a balance (y-protocols update); the server checks what the sender may change.',
    grant: 'speak',
    log: 'quiet',
    example: { id: 'no-such-balance', sync },
    broadcasts: ['board:update'],
  },
  'board:awareness': {
    summary: 'Who is editing what in a balance (y-protocols awareness).',
    grant: 'speak',
    log: 'quiet',
    example: { id: 'no-such-balance', awareness: sync },
    broadcasts: ['board:awareness'],
  },
  'board:share': {
    summary: 'Share one’s balance with the group, or stop sharing it.',
    grant: 'speak',
    log: 'quiet',
    example: { id: 'no-such-balance', shared: true },
    broadcasts: ['board:changed', 'board:gone'],
  },
  'board:rename': {
    summary: 'Rename one’s balance.',
    grant: 'speak',
    log: 'quiet',
    example: { id: 'no-such-balance', title: 'Renamed' },
    broadcasts: ['board:changed'],
  },
  'board:delete': {
    summary: 'Delete one’s balance.',
    grant: 'speak',
    log: 'quiet',
    example: { id: 'no-such-balance' },
    broadcasts: ['board:changed', 'board:gone'],
  },
  'board:spotlight': {
    summary: 'Put one shared balance on everyone’s screen, or take it down (`id: null`).',
    grant: 'moderate',
    log: { says: '{actor} changed the balance shown to everyone', outsideRecord: true },
    example: { id: null },
    broadcasts: ['board:spotlight'],
  },
});
