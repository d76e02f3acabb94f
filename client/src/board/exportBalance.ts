import type { BoardModel } from '@circle/shared';
import { balanceMarkdown, leanSentence, QUADRANT_LABELS, QUADRANTS, STAGE_LABELS } from '@circle/shared';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'balance';

/** Downloads the balance as a Markdown file (made here: the server never sees an export). */
export function downloadMarkdown(title: string, model: BoardModel): void {
  const blob = new Blob([balanceMarkdown(title, model, new Date())], { type: 'text/markdown' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `decisional-balance-${slug(title)}.md`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens a plain page with the whole balance and the print dialog. Built with text nodes only. */
export function openPrintable(title: string, model: BoardModel): void {
  const w = window.open('', '_blank');
  if (!w) return;
  const d = w.document;
  d.title = `Decisional balance: ${title}`;
  const add = (parent: HTMLElement, tag: string, text?: string) => {
    const el = d.createElement(tag);
    if (text !== undefined) el.textContent = text;
    parent.append(el);
    return el;
  };
  const style = add(d.head, 'style');
  style.textContent =
    'body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem}' +
    '.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}section{border:1px solid #999;padding:.5rem 1rem}';
  add(d.body, 'h1', `Decisional balance: ${title}`);
  add(d.body, 'p', `Stage of change: ${model.stage ? STAGE_LABELS[model.stage] : 'not recorded'}`);
  add(d.body, 'p', leanSentence(model));
  const grid = add(d.body, 'div');
  grid.className = 'grid';
  for (const q of QUADRANTS) {
    const s = add(grid, 'section');
    add(s, 'h2', QUADRANT_LABELS[q]);
    const ul = add(s, 'ul');
    for (const i of model.items[q]) add(ul, 'li', `${i.text} (importance ${i.importance} of 5)`);
  }
  add(d.body, 'h2', 'Goals, most important first');
  const ol = add(d.body, 'ol');
  for (const g of model.goals) add(ol, 'li', g.text);
  add(d.body, 'p', `Printed ${new Date().toLocaleDateString()}`);
  w.focus();
  w.print();
}
