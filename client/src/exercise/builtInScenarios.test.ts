import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIO_IDS } from '@circle/shared';
import ru from '../i18n/messages/ru/exercise.json';
import { builtInTitle, wordBrief } from './builtInScenarios';

const en = createIntl({ locale: 'en', messages: {} });

describe('built-in role-play scenarios', () => {
  it('words a built-in brief for each role from its id, observers’ general questions last', () => {
    expect(wordBrief(en, { role: 'newcomer', builtIn: 'newcomer' }).instructions).toMatch(/first time/);
    const observer = wordBrief(en, { role: 'observer', builtIn: 'newcomer' });
    expect(observer.focus[1]).toBe('Did the newcomer dare to ask for help?');
    expect(observer.focus.at(-5)).toBe('Who started?');
    expect(wordBrief(en, { role: 'leader', builtIn: 'mirror' }).focus).toEqual([]);
    // No instructions of its own for a newcomer: they play the group.
    expect(wordBrief(en, { role: 'newcomer', builtIn: 'mirror' }).instructions).toMatch(
      /^Share as you would/,
    );
  });

  it('shows a scenario the group wrote as written, with the general questions for observers', () => {
    const brief = wordBrief(en, {
      role: 'observer',
      builtIn: null,
      setup: 'Один участник молчит.',
      instructions: 'Смотрите на молчание.',
      focus: ['Было ли место молчанию?'],
    });
    expect(brief).toMatchObject({ setup: 'Один участник молчит.', instructions: 'Смотрите на молчание.' });
    expect(brief.focus).toEqual(['Было ли место молчанию?', 'Who started?', ...brief.focus.slice(2)]);
  });

  it('speaks the reader’s language', () => {
    const intl = createIntl({ locale: 'ru', messages: ru });
    expect(BUILT_IN_SCENARIO_IDS.map((id) => builtInTitle(intl, id))).toEqual([
      'Новичок',
      'Здесь и сейчас',
      'Зеркало',
    ]);
    expect(wordBrief(intl, { role: 'observer', builtIn: 'here-and-now' }).focus.at(-5)).toBe('Кто начал?');
  });
});
