import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import type { JournalEntry } from '@circle/shared';
import { journalMarkdown } from './markdown';

const intl = createIntl({ locale: 'en-GB', timeZone: 'UTC', onError: () => {} });
const at = Date.UTC(2026, 2, 10, 18, 30);
const entry = (over: Partial<JournalEntry>): JournalEntry => ({
  id: 'e',
  at,
  meetingId: null,
  kind: 'meeting',
  took: '',
  goal: '',
  picks: [],
  mood: null,
  shared: false,
  ...over,
});

describe('the journal as Markdown', () => {
  it('keeps the member’s words exactly as written, oldest first, under translated headings', () => {
    const words = 'I *did* speak.\nTwo lines # and all';
    const md = journalMarkdown(
      intl,
      'Tuesday circle',
      [
        entry({
          id: 'b',
          at: at + 86_400_000,
          took: words,
          goal: 'Sleep',
          picks: ['callSomeone'],
          shared: true,
        }),
        entry({ id: 'a', kind: 'firstMeeting', mood: 'hard' }),
      ],
      new Date(at),
    );
    expect(md).toContain('# My journal: Tuesday circle');
    expect(md).toContain(`### What I took from it\n\n${words}\n`);
    expect(md).toContain('- Call someone from the group\n\nSleep\n');
    expect(md).toContain('How it was: It was hard');
    expect(md).toContain('_Shared with the facilitators_');
    expect(md.indexOf('my first meeting')).toBeLessThan(md.indexOf(words));
  });
});
