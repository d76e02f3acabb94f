import type { IntlShape } from 'react-intl';
import { defineMessages } from 'react-intl';
import type { BoardModel } from '@circle/shared';
import { QUADRANTS } from '@circle/shared';
import { importanceOf, leanSentence, quadrantLabel, stageLabel } from './words';

const m = defineMessages({
  title: { id: 'board.exportBalance.title', defaultMessage: 'Decisional balance: {title}' },
  fileName: {
    id: 'board.exportBalance.fileName',
    defaultMessage: 'decisional-balance',
    description: 'Start of the exported file’s name: lower case, words joined by hyphens',
  },
  exported: { id: 'board.exportBalance.exported', defaultMessage: 'Exported {when, date, medium}' },
  stage: { id: 'board.exportBalance.stage', defaultMessage: 'Stage of change: {stage}' },
  item: { id: 'board.exportBalance.item', defaultMessage: '{text} ({importance})' },
  nothing: { id: 'board.exportBalance.nothing', defaultMessage: 'Nothing yet.' },
  goals: { id: 'board.exportBalance.goals', defaultMessage: 'Goals, most important first' },
  noGoals: { id: 'board.exportBalance.noGoals', defaultMessage: 'No goals yet.' },
  printed: { id: 'board.exportBalance.printed', defaultMessage: 'Printed {when, date, medium}' },
});

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'balance';

const line = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** The owner's export, in their language: every quadrant, the lean, the stage and the goals. */
export function balanceMarkdown(intl: IntlShape, title: string, model: BoardModel, exportedAt: Date): string {
  const out = [
    `# ${intl.formatMessage(m.title, { title: line(title) })}`,
    '',
    `_${intl.formatMessage(m.exported, { when: exportedAt })}_`,
    '',
  ];
  out.push(`**${intl.formatMessage(m.stage, { stage: stageLabel(intl, model.stage) })}**`, '');
  out.push(leanSentence(intl, model), '');
  for (const q of QUADRANTS) {
    out.push(`## ${quadrantLabel(intl, q)}`, '');
    const items = model.items[q];
    if (items.length === 0) out.push(`_${intl.formatMessage(m.nothing)}_`);
    for (const i of items)
      out.push(
        `- ${intl.formatMessage(m.item, { text: line(i.text), importance: importanceOf(intl, i.importance) })}`,
      );
    out.push('');
  }
  out.push(`## ${intl.formatMessage(m.goals)}`, '');
  if (model.goals.length === 0) out.push(`_${intl.formatMessage(m.noGoals)}_`);
  model.goals.forEach((g, n) => out.push(`${n + 1}. ${line(g.text)}`));
  out.push('');
  return out.join('\n');
}

/** Downloads the balance as a Markdown file (made here: the server never sees an export). */
export function downloadMarkdown(intl: IntlShape, title: string, model: BoardModel): void {
  const text = balanceMarkdown(intl, title, model, new Date());
  const blob = new Blob([text], { type: 'text/markdown' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${intl.formatMessage(m.fileName)}-${slug(title)}.md`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens a plain page with the whole balance and the print dialog. Built with text nodes only. */
export function openPrintable(intl: IntlShape, title: string, model: BoardModel): void {
  const w = window.open('', '_blank');
  if (!w) return;
  const d = w.document;
  d.documentElement.lang = intl.locale;
  d.title = intl.formatMessage(m.title, { title });
  const add = (parent: HTMLElement, tag: string, text?: string) => {
    const el = d.createElement(tag);
    if (text !== undefined) el.textContent = text;
    parent.append(el);
    return el;
  };
  const style = add(d.head, 'style');
  style.textContent =
    'body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem}' + // i18n-exempt: CSS
    '.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}section{border:1px solid #999;padding:.5rem 1rem}'; // i18n-exempt: CSS
  add(d.body, 'h1', intl.formatMessage(m.title, { title }));
  add(d.body, 'p', intl.formatMessage(m.stage, { stage: stageLabel(intl, model.stage) }));
  add(d.body, 'p', leanSentence(intl, model));
  const grid = add(d.body, 'div');
  grid.className = 'grid';
  for (const q of QUADRANTS) {
    const s = add(grid, 'section');
    add(s, 'h2', quadrantLabel(intl, q));
    const ul = add(s, 'ul');
    for (const i of model.items[q])
      add(
        ul,
        'li',
        intl.formatMessage(m.item, { text: i.text, importance: importanceOf(intl, i.importance) }),
      );
  }
  add(d.body, 'h2', intl.formatMessage(m.goals));
  const ol = add(d.body, 'ol');
  for (const g of model.goals) add(ol, 'li', g.text);
  add(d.body, 'p', intl.formatMessage(m.printed, { when: new Date() }));
  w.focus();
  w.print();
}
