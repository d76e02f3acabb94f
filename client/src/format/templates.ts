import { defineMessages } from 'react-intl';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import type { FormatPart } from '@circle/shared';

/**
 * Formats to start from, written for Circle in its own words (no recovery literature is quoted: a group
 * adds the readings it has the right to use). They are interface words until a facilitator saves one;
 * then the group's own content, kept as written.
 */
const m = defineMessages({
  twelveStep: { id: 'format.templates.twelveStep', defaultMessage: '12-step style meeting (60 minutes)' },
  smart: {
    id: 'format.templates.smart',
    defaultMessage: 'SMART Recovery style meeting (60 minutes, five parts)',
  },
  harmReduction: {
    id: 'format.templates.harmReduction',
    defaultMessage: 'Harm-reduction group with decisional balances (60 minutes)',
  },
  process: { id: 'format.templates.process', defaultMessage: 'Interpersonal process group (90 minutes)' },

  welcome: { id: 'format.templates.welcome', defaultMessage: 'Welcome' },
  welcomeText: {
    id: 'format.templates.welcomeText',
    defaultMessage:
      'Welcome to our meeting. We come together to share our experience with one another. Please keep your microphone off unless you have the word.',
  },
  anonymity: { id: 'format.templates.anonymity', defaultMessage: 'Anonymity and confidentiality' },
  anonymityText: {
    id: 'format.templates.anonymityText',
    defaultMessage:
      'Who you see here and what you hear here stays here. Please do not record, photograph or take screenshots of this meeting in any way. First names are enough.',
  },
  silence: { id: 'format.templates.silence', defaultMessage: 'A moment of silence' },
  silenceText: {
    id: 'format.templates.silenceText',
    defaultMessage: 'Let us take a quiet moment to remember why we are here.',
  },
  reading: { id: 'format.templates.reading', defaultMessage: 'Reading' },
  readingText: {
    id: 'format.templates.readingText',
    defaultMessage: 'The Reader reads the text the group has chosen for today. (Write it here.)',
  },
  newcomers: { id: 'format.templates.newcomers', defaultMessage: 'Newcomers' },
  newcomersText: {
    id: 'format.templates.newcomersText',
    defaultMessage:
      'Is anyone here for the first time, or one of the first times? You do not have to say anything: we are glad you came.',
  },
  sharing: { id: 'format.templates.sharing', defaultMessage: 'Sharing' },
  sharingText: {
    id: 'format.templates.sharingText',
    defaultMessage:
      'Raise your hand to share. Please keep to about three minutes so everyone has time. You may always pass.',
  },
  announcements: { id: 'format.templates.announcements', defaultMessage: 'Announcements and celebrations' },
  announcementsText: {
    id: 'format.templates.announcementsText',
    defaultMessage: 'Group news, service, and anyone celebrating a milestone who wishes to say so.',
  },
  closing: { id: 'format.templates.closing', defaultMessage: 'Closing' },
  closingText: {
    id: 'format.templates.closingText',
    defaultMessage:
      'Thank you for being here. Leave what you heard here in this room. We hope to see you again.',
  },

  checkIn: { id: 'format.templates.checkIn', defaultMessage: 'Welcome and check-in' },
  checkInText: {
    id: 'format.templates.checkInText',
    defaultMessage:
      'In a sentence or two each: how has your week been, and is there something you would like to work on today?',
  },
  agenda: { id: 'format.templates.agenda', defaultMessage: 'Setting the agenda' },
  agendaText: {
    id: 'format.templates.agendaText',
    defaultMessage: 'From the check-in, we choose one or two topics to work on together.',
  },
  working: { id: 'format.templates.working', defaultMessage: 'Working time' },
  workingText: {
    id: 'format.templates.workingText',
    defaultMessage:
      'We work on the chosen topics with practical tools, such as weighing costs and benefits or planning for a hard moment. Speak from your own experience, keep it short, no advice unless asked, and stay on the topic.',
  },
  plans: { id: 'format.templates.plans', defaultMessage: 'Plans for the week' },
  plansText: {
    id: 'format.templates.plansText',
    defaultMessage: 'Each person may say what they will try before we meet again.',
  },
  checkOut: { id: 'format.templates.checkOut', defaultMessage: 'Check-out' },
  checkOutText: {
    id: 'format.templates.checkOutText',
    defaultMessage: 'In a word or a sentence: how are you leaving today?',
  },

  agreements: { id: 'format.templates.agreements', defaultMessage: 'Welcome and agreements' },
  agreementsText: {
    id: 'format.templates.agreementsText',
    defaultMessage:
      'Everyone is here on their own terms: any goal you bring, from safer use to stopping, is respected. What is said here stays here.',
  },
  sinceLast: { id: 'format.templates.sinceLast', defaultMessage: 'Since we last met' },
  sinceLastText: {
    id: 'format.templates.sinceLastText',
    defaultMessage: 'How has it been since we last met? What went the way you wanted, and what did not?',
  },
  balance: { id: 'format.templates.balance', defaultMessage: 'Decisional balance' },
  balanceText: {
    id: 'format.templates.balanceText',
    defaultMessage:
      'Anyone may work on their decisional balance: the good and the not-so-good things about how things are now, and about changing. Others may suggest; the owner decides.',
  },
  nextStep: { id: 'format.templates.nextStep', defaultMessage: 'A next step' },
  nextStepText: {
    id: 'format.templates.nextStepText',
    defaultMessage: 'One small step you would like to try this week, if any.',
  },
  careClosing: {
    id: 'format.templates.careClosingText',
    defaultMessage: 'Thank you. Take care of yourselves; the support contacts are there between meetings.',
  },

  opening: { id: 'format.templates.opening', defaultMessage: 'Opening' },
  openingText: {
    id: 'format.templates.openingText',
    defaultMessage:
      'We meet to notice what happens between us, here and now. Put your reactions to the group and to one another into words when you are ready. What is said stays in the group.',
  },
  arriving: { id: 'format.templates.arriving', defaultMessage: 'Arriving' },
  arrivingText: {
    id: 'format.templates.arrivingText',
    defaultMessage: 'How are you arriving today? Is anything left over from last time?',
  },
  groupTime: { id: 'format.templates.groupTime', defaultMessage: 'Group time' },
  groupTimeText: {
    id: 'format.templates.groupTimeText',
    defaultMessage: 'The time belongs to the group. Notice what you feel toward one another, and say it.',
  },
  quiet: { id: 'format.templates.quiet', defaultMessage: 'A quiet moment' },
  taking: {
    id: 'format.templates.takingText',
    defaultMessage: 'What are you taking with you from today?',
  },
});

type Kind = FormatPart['kind'];
/** title, text ('' for none), kind, minutes, per-turn limit in seconds. */
type Row = [MessageDescriptor, MessageDescriptor | null, Kind, number | null, number | null];

const TEMPLATES = {
  'twelve-step': {
    name: m.twelveStep,
    rows: [
      [m.welcome, m.welcomeText, 'reading', 3, null],
      [m.anonymity, m.anonymityText, 'reading', 2, null],
      [m.silence, m.silenceText, 'silence', 1, null],
      [m.reading, m.readingText, 'reading', 5, null],
      [m.newcomers, m.newcomersText, 'announcements', 3, null],
      [m.sharing, m.sharingText, 'open-sharing', 38, null],
      [m.announcements, m.announcementsText, 'announcements', 5, null],
      [m.closing, m.closingText, 'reading', 3, null],
    ],
  },
  smart: {
    name: m.smart,
    rows: [
      [m.checkIn, m.checkInText, 'go-around', 10, 180],
      [m.agenda, m.agendaText, 'announcements', 5, null],
      [m.working, m.workingText, 'open-sharing', 30, null],
      [m.plans, m.plansText, 'go-around', 10, 180],
      [m.checkOut, m.checkOutText, 'go-around', 5, 60],
    ],
  },
  'harm-reduction': {
    name: m.harmReduction,
    rows: [
      [m.agreements, m.agreementsText, 'reading', 5, null],
      [m.sinceLast, m.sinceLastText, 'go-around', 15, 180],
      [m.balance, m.balanceText, 'open-sharing', 25, null],
      [m.nextStep, m.nextStepText, 'go-around', 10, 180],
      [m.closing, m.careClosing, 'reading', 5, null],
    ],
  },
  process: {
    name: m.process,
    rows: [
      [m.opening, m.openingText, 'reading', 5, null],
      [m.arriving, m.arrivingText, 'go-around', 15, 180],
      [m.groupTime, m.groupTimeText, 'open-sharing', 60, null],
      [m.quiet, null, 'silence', 2, null],
      [m.checkOut, m.taking, 'go-around', 8, 60],
    ],
  },
} satisfies Record<string, { name: MessageDescriptor; rows: Row[] }>;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export const templateName = (intl: IntlShape, id: TemplateId) => intl.formatMessage(TEMPLATES[id].name);

/** A template's parts in the reader's language, ready to edit and save as the group's own. */
export function templateParts(intl: IntlShape, id: TemplateId): FormatPart[] {
  return (TEMPLATES[id].rows as Row[]).map(([title, text, kind, minutes, turnLimitSec]) => ({
    title: intl.formatMessage(title),
    text: text ? intl.formatMessage(text) : '',
    kind,
    minutes,
    turnLimitSec,
  }));
}
