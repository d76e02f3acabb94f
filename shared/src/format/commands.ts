import { defineCommands } from '../commandKit.js';
import { formatEventSchemas, type FormatEventResults } from './schemas.js';

/**
 * The meeting format: facilitators write it and step through it; the Timekeeper (a member a facilitator
 * named for this meeting) may only signal turn time, which the server checks against the room record.
 */
export const formatCommands = defineCommands<FormatEventResults>()(formatEventSchemas, {
  'format:get': {
    summary: 'Read the group’s meeting format (its parts, as the facilitators saved it).',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
  'format:save': {
    summary: 'Replace the group’s meeting format (at most 30 parts; it then belongs to the group).',
    grant: 'moderate',
    log: { says: '{actor} saved the meeting format', outsideRecord: true },
    example: { parts: [] },
    broadcasts: ['format:saved'],
  },
  'format:step': {
    summary:
      'Show the next or previous part of the format, or stop it; the floor follows (a round, the reader’s word).',
    grant: 'moderate',
    log: { says: '{actor} moved to another part of the meeting' },
    example: { move: 'stop', expectIndex: null },
    broadcasts: ['room:patch'],
  },
  'format:role': {
    summary:
      'Name a seated person Reader or Timekeeper for this meeting, or take the role back (`pid: null`).',
    grant: 'moderate',
    log: { says: '{actor} changed who reads or keeps time' },
    example: { role: 'timekeeper', pid: null },
    broadcasts: ['room:patch'],
  },
  'format:signal': {
    summary: 'The Timekeeper’s (or a facilitator’s) gentle “time” to the holder of the word; once per turn.',
    grant: 'speak',
    log: 'quiet',
    example: { expectHolder: 'nobody' },
    broadcasts: ['format:timeSignal'],
  },
});
