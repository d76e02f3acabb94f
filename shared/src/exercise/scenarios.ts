/** A role-play scenario for facilitator training: what the group, the leaders and the observers each read. */
export interface Scenario {
  id: string;
  title: string;
  setup: string;
  forGroup: string;
  forLeaders: string;
  forNewcomer?: string;
  forObservers: string;
  /** The observers' checklist. */
  focus: string[];
  builtIn: boolean;
}

export const GENERAL_OBSERVER_QUESTIONS = [
  'Who started?',
  'Was everyone encouraged to take part?',
  'Were limits needed, and how were they set?',
  'What were the difficult moments?',
  'What makes a good facilitator, from what you saw?',
];

export const BUILT_IN_SCENARIOS: Scenario[] = [
  {
    id: 'newcomer',
    title: 'The newcomer',
    setup: 'The group is meeting as usual when a new member joins for the first time.',
    forGroup: 'Play an ordinary meeting. Welcome the newcomer in your own way; share as you usually would.',
    forLeaders:
      'Open the meeting, welcome the newcomer, explain how the group works and make room for them ' +
      'without putting them on the spot. Keep the group in the here and now.',
    forNewcomer:
      'You are coming to this group for the first time. You are unsure whether you belong here and it ' +
      'is hard to ask for help. Take your time; say as much or as little as feels right.',
    forObservers:
      'Watch how the group takes care of the newcomer. Do not take part; note what you see for the feedback.',
    focus: [
      'Motivation: what brought the newcomer, and was it heard?',
      'Did the newcomer dare to ask for help?',
      'Were limits set, and how?',
      'Did the talk stay in the here and now?',
      'Respect and trust: how did people treat each other?',
      'Was the newcomer accepted?',
      'What happened, how was the newcomer taken care of, did they get enough attention?',
    ],
    builtIn: true,
  },
  {
    id: 'here-and-now',
    title: 'Here and now',
    setup: 'An ordinary meeting on a theme the facilitator chooses.',
    forGroup: 'Talk about the theme as you would in a real meeting.',
    forLeaders: 'Lead the meeting on the theme. Gently bring the talk back to feelings in the here and now.',
    forObservers:
      'Note whether the talk stays on feelings in the here and now, or drifts to then-and-there facts ' +
      'and events that do not concern the group.',
    focus: [
      'Moments when the talk stayed with feelings in the here and now',
      'Moments when it drifted to then-and-there facts and stories',
      'How the leader brought it back (or did not)',
    ],
    builtIn: true,
  },
  {
    id: 'mirror',
    title: 'The mirror',
    setup: 'The leader gives the floor to the group.',
    forGroup: 'Share as you would. Some of you may want a lot of room, some very little.',
    forLeaders:
      'Give the floor to the group. Make sure everyone is involved, stop anyone who demands too much ' +
      'attention, ask each member whether they want to share, and allow silence.',
    forObservers: 'Watch how the leader shares out the floor and handles silence.',
    focus: [
      'Did the leader make sure everyone was involved?',
      'Was anyone demanding too much attention stopped, and how?',
      'Did the leader ask each member whether they wanted to share?',
      'Was silence allowed? How was it handled?',
    ],
    builtIn: true,
  },
];
