import { defineCommands } from '../commandKit.js';
import { roomEventSchemas, type RoomEventResults } from './schemas.js';

export const roomCommands = defineCommands<RoomEventResults>()(roomEventSchemas, {
  'room:join': {
    summary: 'Join the group with its invitation link: seated, waiting in the lobby, or refused.',
    grant: 'link',
    log: 'quiet',
    example: { token: 'an-invitation-token', name: 'Ana', accept: true, declarationVersion: 1 },
    broadcasts: ['room:state', 'room:patch', 'room:lobby'],
  },
  'room:leave': {
    summary: 'Leave the meeting; other tabs of the same person are closed too.',
    grant: 'listen',
    log: 'quiet',
    example: {},
    broadcasts: ['room:patch', 'room:closed'],
  },
  'room:snapshot': {
    summary: 'The whole room now, for a client that found a gap in the patches it received.',
    grant: 'listen',
    log: 'quiet',
    example: {},
    broadcasts: [],
  },
  'identity:erase': {
    summary: 'Leave and erase this identity from the group for good.',
    grant: 'listen',
    log: 'quiet',
    example: {},
    broadcasts: ['room:patch', 'room:closed'],
  },
  'seats:reorder': {
    summary: 'Put the seats of the circle in a new order.',
    grant: 'moderate',
    log: { says: '{actor} reordered the seats' },
    example: { order: [] },
    broadcasts: ['room:patch'],
  },
  'seats:offer': {
    summary:
      'A listener takes the next seat that comes free, before the others in line (at once if one is free).',
    grant: 'moderate',
    log: { says: '{actor} offered the next seat to {target}', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['room:patch'],
  },
  'lobby:admit': {
    summary: 'Let one person waiting in the lobby into the room.',
    grant: 'moderate',
    log: { says: '{actor} admitted {target}', target: 'pid' },
    example: { pid: 'nobody' },
    broadcasts: ['room:admitted', 'room:patch', 'room:lobby'],
  },
  'lobby:admitAll': {
    summary: 'Let everyone waiting in the lobby in; answers how many came in.',
    grant: 'moderate',
    log: { says: '{actor} admitted everyone waiting' },
    example: {},
    broadcasts: ['room:admitted', 'room:patch', 'room:lobby'],
  },
});
