import { describe, expect, it } from 'vitest';
import type { FloorNotice } from '@circle/shared';
import { createIntl } from 'react-intl';
import { noticeText, urgencyOf } from './announcements';

const names: Record<string, string> = { ana: 'Ana', ben: 'Ben' };
const nameOf = (pid: string) => names[pid] ?? 'Someone';
const intl = createIntl({ locale: 'en' });
const said = (n: FloorNotice, me: string) => [urgencyOf(n, me), noticeText(intl, n, me, nameOf)];

describe('what the live regions say about the floor, and how loudly', () => {
  it('interrupts only for what is yours to act on', () => {
    expect(said({ kind: 'your-turn', pid: 'ana' }, 'ana')).toEqual(['assertive', "It's your turn"]);
    expect(said({ kind: 'time-up', pid: 'ana' }, 'ana')).toEqual(['assertive', 'Your time is up']);
    expect(said({ kind: 'your-turn', pid: 'ana' }, 'ben')).toEqual(['polite', 'Ana has the word']);
    expect(said({ kind: 'time-up', pid: 'ana' }, 'ben')).toEqual(['polite', 'Time is up for Ana']);
  });

  it('says politely that you are next and that time is nearly up; someone else being next is left to the strip', () => {
    expect(said({ kind: 'next-up', pid: 'ben' }, 'ben')).toEqual(['polite', "You're next"]);
    expect(urgencyOf({ kind: 'next-up', pid: 'ana' }, 'ben')).toBeNull();
    expect(said({ kind: 'time-warning', pid: 'ben' }, 'ben')).toEqual(['polite', 'Time is almost up']);
    expect(said({ kind: 'time-warning', pid: 'ana' }, 'ben')).toEqual([
      'polite',
      'Time is almost up for Ana',
    ]);
    expect(said({ kind: 'round-ended' }, 'ben')).toEqual(['polite', 'The round has ended']);
  });
});
