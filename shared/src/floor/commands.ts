import { defineCommands } from '../commandKit.js';
import { floorEventSchemas, type FloorEventResults } from './schemas.js';

/** Every floor command is closed to exercise observers while a role-play runs: they sit outside the circle. */
export const floorCommands = defineCommands<FloorEventResults>()(floorEventSchemas, {
  'floor:raise': {
    summary: 'Raise one’s hand to ask for the word.',
    grant: 'speak',
    log: 'quiet',
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state'],
  },
  'floor:lower': {
    summary: 'Lower one’s own hand; a facilitator may lower someone else’s (`pid`).',
    grant: 'speak',
    log: { says: '{actor} lowered the hand of {target}', target: 'pid', onlyOnOthers: true },
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state'],
  },
  'floor:pass': {
    summary: 'Pass when the go-around reaches one.',
    grant: 'speak',
    log: 'quiet',
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:done': {
    summary: 'Hand the word back when one has finished speaking.',
    grant: 'speak',
    log: 'quiet',
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:give': {
    summary:
      'Give the word to someone seated. With `expectHolder` (who held the word as the sender saw it) a floor that moved meanwhile is refused with `STALE`.',
    grant: 'moderate',
    log: { says: '{actor} gave the word to {target}', target: 'pid' },
    rolePlay: 'floor',
    example: { pid: 'nobody', expectHolder: null },
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:take': {
    summary: 'Take the word back from `expectHolder` (refused with `STALE` if someone else holds it now).',
    grant: 'moderate',
    log: { says: '{actor} took back the word' },
    rolePlay: 'floor',
    example: { expectHolder: 'nobody' },
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:next': {
    summary:
      'Pass the word to the next person (raised hand or go-around). `expectHolder` and `expectNext` say who held the word and who was next as the sender saw it: if either changed (the holder pressed I’m done, another facilitator pressed Next) it is refused with `STALE`, so nobody is skipped.',
    grant: 'moderate',
    log: { says: '{actor} passed the word on' },
    rolePlay: 'floor',
    example: { expectHolder: null, expectNext: null },
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:undo': {
    summary:
      'Undo the last give, take back or next within 5 s, if nothing else changed the floor since and `expectHolder` still holds the word (else `STALE`; too late: `CONFLICT`).',
    grant: 'moderate',
    log: { says: '{actor} undid the last move of the word' },
    rolePlay: 'floor',
    example: { expectHolder: null },
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:round': {
    summary: 'Start a go-around, optionally from someone and with a turn limit in seconds.',
    grant: 'moderate',
    log: { says: '{actor} started a round' },
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:endRound': {
    summary: 'End the go-around.',
    grant: 'moderate',
    log: { says: '{actor} ended the round' },
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state', 'floor:notice'],
  },
  'floor:skip': {
    summary: 'Skip someone in the go-around.',
    grant: 'moderate',
    log: { says: '{actor} skipped {target}', target: 'pid' },
    rolePlay: 'floor',
    example: { pid: 'nobody' },
    broadcasts: ['room:state'],
  },
  'floor:reorder': {
    summary: 'Put the raised hands in a new order.',
    grant: 'moderate',
    log: { says: '{actor} reordered the raised hands' },
    rolePlay: 'floor',
    example: { order: [] },
    broadcasts: ['room:state'],
  },
  'floor:settings': {
    summary: 'Change the turn limit (seconds, or null for none) and the automatic handover.',
    grant: 'moderate',
    log: { says: '{actor} changed the turn settings' },
    rolePlay: 'floor',
    example: {},
    broadcasts: ['room:state'],
  },
});
