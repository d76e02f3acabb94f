import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { actionSentence as englishSentence, COMMANDS } from '@circle/shared';
import type { ActionEntry } from '@circle/shared';
import { actionSentence, hasWords } from './actionWords';

const intl = createIntl({ locale: 'en', messages: {} });
const logged = Object.entries(COMMANDS as Record<string, { log?: unknown }>).flatMap(([event, c]) =>
  c.log && c.log !== 'quiet' ? [{ event, off: !!(c.log as { off?: string }).off }] : [],
);

describe('action log words', () => {
  it('has words for every command a facilitator’s log records, on and off', () => {
    const missing = logged.flatMap(({ event, off }) => [
      ...(hasWords(event) ? [] : [event]),
      ...(off && !hasWords(`${event}:off`) ? [`${event}:off`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('says in English what the commands’ definitions say', () => {
    for (const { event, off } of logged)
      for (const on of off ? [true, false] : [true]) {
        const entry: ActionEntry = {
          id: 1,
          at: 0,
          by: 'p',
          byName: 'Fran',
          event,
          target: 'q',
          targetName: 'Ana',
          on,
        };
        expect(actionSentence(intl, entry, false)).toBe(englishSentence(entry, 'Fran'));
      }
  });

  it('names the reader You, a forgotten target someone, and an unknown event by its name', () => {
    const entry: ActionEntry = {
      id: 1,
      at: 0,
      by: 'p',
      byName: 'Fran',
      event: 'floor:give',
      target: 'q',
      targetName: null,
    };
    expect(actionSentence(intl, entry, true)).toBe('You gave the word to someone');
    expect(actionSentence(intl, { ...entry, event: 'new:thing' }, false)).toBe('Fran: new:thing');
  });
});
