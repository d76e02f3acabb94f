import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { JournalEntry } from '@circle/shared';
import { moodLabel, pickLabel } from './words';

const m = defineMessages({
  title: { id: 'journal.markdown.title', defaultMessage: 'My journal: {group}' },
  fileName: {
    id: 'journal.markdown.fileName',
    defaultMessage: 'my-journal',
    description: 'The exported file’s name: lower case, words joined by hyphens',
  },
  exported: { id: 'journal.markdown.exported', defaultMessage: 'Exported {when, date, medium}' },
  entry: { id: 'journal.markdown.entry', defaultMessage: '{when, date, medium}' },
  firstMeeting: {
    id: 'journal.markdown.firstMeeting',
    defaultMessage: '{when, date, medium}: my first meeting',
  },
  took: { id: 'journal.markdown.took', defaultMessage: 'What I took from it' },
  goal: { id: 'journal.markdown.goal', defaultMessage: 'My goal' },
  howWasIt: { id: 'journal.markdown.howWasIt', defaultMessage: 'How it was: {mood}' },
  shared: { id: 'journal.markdown.shared', defaultMessage: 'Shared with the facilitators' },
});

/** The member's journal, oldest first, with translated headings and their own words exactly as written. */
export function journalMarkdown(
  intl: IntlShape,
  group: string,
  newestFirst: JournalEntry[],
  at: Date,
): string {
  const out = [
    `# ${intl.formatMessage(m.title, { group })}`,
    '',
    `_${intl.formatMessage(m.exported, { when: at })}_`,
    '',
  ];
  for (const e of [...newestFirst].reverse()) {
    const heading = e.kind === 'firstMeeting' ? m.firstMeeting : m.entry;
    out.push(`## ${intl.formatMessage(heading, { when: e.at })}`, '');
    if (e.mood) out.push(intl.formatMessage(m.howWasIt, { mood: moodLabel(intl, e.mood) }), '');
    if (e.took) out.push(`### ${intl.formatMessage(m.took)}`, '', e.took, '');
    if (e.goal || e.picks.length > 0) {
      out.push(`### ${intl.formatMessage(m.goal)}`, '');
      for (const p of e.picks) out.push(`- ${pickLabel(intl, p)}`);
      if (e.picks.length > 0) out.push('');
      if (e.goal) out.push(e.goal, '');
    }
    if (e.shared) out.push(`_${intl.formatMessage(m.shared)}_`, '');
  }
  return out.join('\n');
}

/** Made here and handed to the browser: the server never sees an export. */
export function downloadJournal(intl: IntlShape, group: string, entries: JournalEntry[]): void {
  const blob = new Blob([journalMarkdown(intl, group, entries, new Date())], { type: 'text/markdown' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${intl.formatMessage(m.fileName)}.md`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
