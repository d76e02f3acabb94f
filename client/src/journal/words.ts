import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { JournalGoalPick, JournalMood } from '@circle/shared';

const picks = defineMessages({
  meetingThisWeek: { id: 'journal.words.meetingThisWeek', defaultMessage: 'Go to a meeting this week' },
  callSomeone: { id: 'journal.words.callSomeone', defaultMessage: 'Call someone from the group' },
  readSomething: { id: 'journal.words.readSomething', defaultMessage: 'Read something that helps me' },
  restWell: { id: 'journal.words.restWell', defaultMessage: 'Rest and eat well' },
});

const moods = defineMessages({
  good: { id: 'journal.words.good', defaultMessage: 'It went well', description: 'A smiling face' },
  mixed: { id: 'journal.words.mixed', defaultMessage: 'Mixed', description: 'A neutral face' },
  hard: { id: 'journal.words.hard', defaultMessage: 'It was hard', description: 'A sad face' },
});

/** The faces a newcomer picks from; each also has a spoken name (the emoji alone says nothing to a reader). */
export const MOOD_FACES: Record<JournalMood, string> = { good: '🙂', mixed: '😐', hard: '🙁' }; // i18n-exempt: emoji, named by moodLabel

export const pickLabel = (intl: IntlShape, p: JournalGoalPick) => intl.formatMessage(picks[p]);
export const moodLabel = (intl: IntlShape, mood: JournalMood) => intl.formatMessage(moods[mood]);
