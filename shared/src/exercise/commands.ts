import { defineCommands } from '../commandKit.js';
import { exerciseEventSchemas, type ExerciseEventResults } from './schemas.js';

/**
 * Role-play: facilitators run it; everyone reads their own view; exercise observers share their notes.
 * The exercise keeps its state outside the room record, so the facilitators' moves are logged as such.
 */
export const exerciseCommands = defineCommands<ExerciseEventResults>()(exerciseEventSchemas, {
  'exercise:get': {
    summary: 'Read the exercise as one sees it: the public picture and only one’s own instructions.',
    grant: 'listen',
    log: 'quiet',
    example: {},
  },
  'exercise:scenarios': {
    summary: 'List the role-play scenarios: the built-in ones and the group’s own.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
  'exercise:saveScenario': {
    summary: 'Save a scenario of the group’s own.',
    grant: 'moderate',
    log: { says: '{actor} saved a role-play scenario', outsideRecord: true },
    example: {
      title: 'A newcomer arrives',
      setup: 'Someone comes for the first time.',
      forGroup: 'Welcome them.',
      forLeaders: 'Keep the circle safe.',
      forObservers: 'Watch the welcome.',
      focus: ['Was the newcomer heard?'],
    },
  },
  'exercise:setup': {
    summary: 'Set up a role-play: the scenario, who plays which role, and its length in minutes.',
    grant: 'moderate',
    log: { says: '{actor} set up a role-play', outsideRecord: true },
    example: { scenarioId: 'no-such-scenario', roles: {} },
    broadcasts: ['exercise:changed'],
  },
  'exercise:start': {
    summary: 'Start the role-play that was set up.',
    grant: 'moderate',
    log: { says: '{actor} started the role-play', outsideRecord: true },
    example: {},
    broadcasts: ['exercise:changed'],
  },
  'exercise:timeOut': {
    summary: 'Call a time out: the play stops and the observers give their feedback in turn.',
    grant: 'moderate',
    log: { says: '{actor} called a time out in the role-play', outsideRecord: true },
    example: {},
    broadcasts: ['exercise:changed'],
  },
  'exercise:nextFeedback': {
    summary: 'Pass the feedback on to the next observer.',
    grant: 'moderate',
    log: { says: '{actor} passed the feedback on', outsideRecord: true },
    example: {},
    broadcasts: ['exercise:changed'],
  },
  'exercise:resume': {
    summary: 'Resume the role-play after a time out.',
    grant: 'moderate',
    log: { says: '{actor} resumed the role-play', outsideRecord: true },
    example: {},
    broadcasts: ['exercise:changed'],
  },
  'exercise:end': {
    summary: 'End the role-play; its summary is kept for the facilitators.',
    grant: 'moderate',
    log: { says: '{actor} ended the role-play', outsideRecord: true },
    example: {},
    broadcasts: ['exercise:changed'],
  },
  'exercise:shareNotes': {
    summary: 'An exercise observer shares their notes and the focus questions they checked.',
    grant: 'speak',
    log: 'quiet',
    example: { text: 'They listened well.', checked: [] },
    broadcasts: ['exercise:changed'],
  },
  'exercise:summaries': {
    summary: 'Read the summaries of this meeting’s role-plays.',
    grant: 'moderate',
    log: 'quiet',
    example: {},
  },
});
