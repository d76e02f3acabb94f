import type { IntlShape, MessageDescriptor } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { BuiltInScenarioId, ExerciseBrief, ExerciseRole } from '@circle/shared';

/**
 * The role-play scenarios Circle ships, worded here in every shipped language (the server sends only
 * their id). Scenarios a group's facilitators write are their content and are shown as written.
 */
const newcomer = defineMessages({
  title: { id: 'exercise.builtInScenarios.newcomerTitle', defaultMessage: 'The newcomer' },
  setup: {
    id: 'exercise.builtInScenarios.newcomerSetup',
    defaultMessage: 'The group is meeting as usual when a new member joins for the first time.',
  },
  forGroup: {
    id: 'exercise.builtInScenarios.newcomerForGroup',
    defaultMessage:
      'Play an ordinary meeting. Welcome the newcomer in your own way; share as you usually would.',
  },
  forLeaders: {
    id: 'exercise.builtInScenarios.newcomerForLeaders',
    defaultMessage:
      'Open the meeting, welcome the newcomer, explain how the group works and make room for them without putting them on the spot. Keep the group in the here and now.',
  },
  forNewcomer: {
    id: 'exercise.builtInScenarios.newcomerForNewcomer',
    defaultMessage:
      'You are coming to this group for the first time. You are unsure whether you belong here and it is hard to ask for help. Take your time; say as much or as little as feels right.',
  },
  forObservers: {
    id: 'exercise.builtInScenarios.newcomerForObservers',
    defaultMessage:
      'Watch how the group takes care of the newcomer. Do not take part; note what you see for the feedback.',
  },
  focus1: {
    id: 'exercise.builtInScenarios.newcomerFocus1',
    defaultMessage: 'Motivation: what brought the newcomer, and was it heard?',
  },
  focus2: {
    id: 'exercise.builtInScenarios.newcomerFocus2',
    defaultMessage: 'Did the newcomer dare to ask for help?',
  },
  focus3: { id: 'exercise.builtInScenarios.newcomerFocus3', defaultMessage: 'Were limits set, and how?' },
  focus4: {
    id: 'exercise.builtInScenarios.newcomerFocus4',
    defaultMessage: 'Did the talk stay in the here and now?',
  },
  focus5: {
    id: 'exercise.builtInScenarios.newcomerFocus5',
    defaultMessage: 'Respect and trust: how did people treat each other?',
  },
  focus6: { id: 'exercise.builtInScenarios.newcomerFocus6', defaultMessage: 'Was the newcomer accepted?' },
  focus7: {
    id: 'exercise.builtInScenarios.newcomerFocus7',
    defaultMessage: 'What happened, how was the newcomer taken care of, did they get enough attention?',
  },
});

const hereAndNow = defineMessages({
  title: { id: 'exercise.builtInScenarios.hereAndNowTitle', defaultMessage: 'Here and now' },
  setup: {
    id: 'exercise.builtInScenarios.hereAndNowSetup',
    defaultMessage: 'An ordinary meeting on a theme the facilitator chooses.',
  },
  forGroup: {
    id: 'exercise.builtInScenarios.hereAndNowForGroup',
    defaultMessage: 'Talk about the theme as you would in a real meeting.',
  },
  forLeaders: {
    id: 'exercise.builtInScenarios.hereAndNowForLeaders',
    defaultMessage:
      'Lead the meeting on the theme. Gently bring the talk back to feelings in the here and now.',
  },
  forObservers: {
    id: 'exercise.builtInScenarios.hereAndNowForObservers',
    defaultMessage:
      'Note whether the talk stays on feelings in the here and now, or drifts to then-and-there facts and events that do not concern the group.',
  },
  focus1: {
    id: 'exercise.builtInScenarios.hereAndNowFocus1',
    defaultMessage: 'Moments when the talk stayed with feelings in the here and now',
  },
  focus2: {
    id: 'exercise.builtInScenarios.hereAndNowFocus2',
    defaultMessage: 'Moments when it drifted to then-and-there facts and stories',
  },
  focus3: {
    id: 'exercise.builtInScenarios.hereAndNowFocus3',
    defaultMessage: 'How the leader brought it back (or did not)',
  },
});

const mirror = defineMessages({
  title: { id: 'exercise.builtInScenarios.mirrorTitle', defaultMessage: 'The mirror' },
  setup: {
    id: 'exercise.builtInScenarios.mirrorSetup',
    defaultMessage: 'The leader gives the floor to the group.',
  },
  forGroup: {
    id: 'exercise.builtInScenarios.mirrorForGroup',
    defaultMessage: 'Share as you would. Some of you may want a lot of room, some very little.',
  },
  forLeaders: {
    id: 'exercise.builtInScenarios.mirrorForLeaders',
    defaultMessage:
      'Give the floor to the group. Make sure everyone is involved, stop anyone who demands too much attention, ask each member whether they want to share, and allow silence.',
  },
  forObservers: {
    id: 'exercise.builtInScenarios.mirrorForObservers',
    defaultMessage: 'Watch how the leader shares out the floor and handles silence.',
  },
  focus1: {
    id: 'exercise.builtInScenarios.mirrorFocus1',
    defaultMessage: 'Did the leader make sure everyone was involved?',
  },
  focus2: {
    id: 'exercise.builtInScenarios.mirrorFocus2',
    defaultMessage: 'Was anyone demanding too much attention stopped, and how?',
  },
  focus3: {
    id: 'exercise.builtInScenarios.mirrorFocus3',
    defaultMessage: 'Did the leader ask each member whether they wanted to share?',
  },
  focus4: {
    id: 'exercise.builtInScenarios.mirrorFocus4',
    defaultMessage: 'Was silence allowed? How was it handled?',
  },
});

/** Asked of the observers in every scenario, after the scenario's own questions. */
const general = defineMessages({
  q1: { id: 'exercise.builtInScenarios.general1', defaultMessage: 'Who started?' },
  q2: { id: 'exercise.builtInScenarios.general2', defaultMessage: 'Was everyone encouraged to take part?' },
  q3: {
    id: 'exercise.builtInScenarios.general3',
    defaultMessage: 'Were limits needed, and how were they set?',
  },
  q4: { id: 'exercise.builtInScenarios.general4', defaultMessage: 'What were the difficult moments?' },
  q5: {
    id: 'exercise.builtInScenarios.general5',
    defaultMessage: 'What makes a good facilitator, from what you saw?',
  },
});

interface Words {
  title: MessageDescriptor;
  setup: MessageDescriptor;
  forGroup: MessageDescriptor;
  forLeaders: MessageDescriptor;
  forNewcomer?: MessageDescriptor;
  forObservers: MessageDescriptor;
  focus: MessageDescriptor[];
}

const SCENARIOS: Record<BuiltInScenarioId, Words> = {
  newcomer: {
    ...newcomer,
    focus: [
      newcomer.focus1,
      newcomer.focus2,
      newcomer.focus3,
      newcomer.focus4,
      newcomer.focus5,
      newcomer.focus6,
      newcomer.focus7,
    ],
  },
  'here-and-now': { ...hereAndNow, focus: [hereAndNow.focus1, hereAndNow.focus2, hereAndNow.focus3] },
  mirror: { ...mirror, focus: [mirror.focus1, mirror.focus2, mirror.focus3, mirror.focus4] },
};

export const builtInTitle = (intl: IntlShape, id: BuiltInScenarioId) =>
  intl.formatMessage(SCENARIOS[id].title);

export const generalQuestions = (intl: IntlShape) => Object.values(general).map((q) => intl.formatMessage(q));

/** One person's instructions as they read them: set-up, what their role does, and observers' questions. */
export interface WordedBrief {
  role: ExerciseRole;
  setup: string;
  instructions: string;
  focus: string[];
}

function instructionsFor(words: Words, role: ExerciseRole): MessageDescriptor {
  if (role === 'observer') return words.forObservers;
  if (role === 'leader') return words.forLeaders;
  if (role === 'newcomer') return words.forNewcomer ?? words.forGroup;
  return words.forGroup;
}

/** A built-in brief worded in this language, a written one as written; observers' general questions last. */
export function wordBrief(intl: IntlShape, brief: ExerciseBrief): WordedBrief {
  const observer = brief.role === 'observer';
  const tail = observer ? generalQuestions(intl) : [];
  if (brief.builtIn === null)
    return {
      role: brief.role,
      setup: brief.setup,
      instructions: brief.instructions,
      focus: [...brief.focus, ...tail],
    };
  const words = SCENARIOS[brief.builtIn];
  return {
    role: brief.role,
    setup: intl.formatMessage(words.setup),
    instructions: intl.formatMessage(instructionsFor(words, brief.role)),
    focus: observer ? [...words.focus.map((q) => intl.formatMessage(q)), ...tail] : [],
  };
}
