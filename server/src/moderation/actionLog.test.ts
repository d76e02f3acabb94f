import { describe, expect, it } from 'vitest';
import { loggedAction } from './actionLog.js';

const fac = { pid: 'F', role: 'facilitator' as const };
const member = { pid: 'M', role: 'member' as const };

const cases: [string, Parameters<typeof loggedAction>, ReturnType<typeof loggedAction>][] = [
  ['giving the word, with whom to', ['floor:give', { pid: 'A' }, fac], { target: 'A' }],
  ['starting a round, about nobody', ['floor:round', {}, fac], { target: null }],
  [
    'a nudge keeps the target, never the text',
    ['moderation:nudge', { pid: 'A', text: 'x' }, fac],
    { target: 'A' },
  ],
  ["lowering someone else's hand", ['floor:lower', { pid: 'A' }, fac], { target: 'A' }],
  ['a facilitator lowering their own hand', ['floor:lower', {}, fac], null],
  ['reading the settings (an empty patch changes nothing)', ['meeting:settings', {}, fac, false], null],
  ['changing the settings', ['meeting:settings', { openingWords: 'Welcome' }, fac], { target: null }],
  ['reading the facilitators’ view', ['moderation:view', {}, fac], null],
  ['reading the fairness view', ['fairness:view', {}, fac], null],
  ['deleting the group (nobody is left to read it)', ['meeting:deleteGroup', { confirm: true }, fac], null],
  ['holding a microphone', ['media:mute', { pid: 'A' }, fac], { target: 'A' }],
  [
    'pausing says which way the switch went',
    ['meeting:pause', { on: true }, fac],
    { target: null, on: true },
  ],
  ['so does the chat switch', ['chat:toggle', { on: false }, fac], { target: null, on: false }],
  ['a private word is not an action', ['chat:whisper', { to: 'A', text: 'x' }, fac], null],
  ['a member raising a hand', ['floor:raise', {}, member], null],
  ['a member stepping out', ['care:stepOut', {}, member], null],
  ["another domain's read, which changed nothing", ['floor:settings', {}, fac, false], null],
  [
    'a nudge changes no record but reaches someone',
    ['moderation:nudge', { pid: 'A', text: 'x' }, fac, false],
    { target: 'A' },
  ],
  [
    'a time out in the role-play (the exercise keeps its own state)',
    ['exercise:timeOut', {}, fac, false],
    { target: null },
  ],
  ['a member lowering their own hand', ['floor:lower', {}, member], null],
];

describe('the facilitators’ action log', () => {
  it.each(cases)('%s', (_name, args, expected) => {
    expect(loggedAction(...args)).toEqual(expected);
  });
});
