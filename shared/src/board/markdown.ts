import type { BoardModel, Quadrant, Stage } from './model.js';
import { lean, QUADRANTS } from './model.js';

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  'now-good': 'Good things about how things are now',
  'now-bad': 'Not-so-good things about how things are now',
  'change-good': 'Good things about changing',
  'change-bad': 'Not-so-good things about changing',
};

export const STAGE_LABELS: Record<Stage, string> = {
  precontemplation: 'Precontemplation (not thinking about changing)',
  contemplation: 'Contemplation (thinking about it)',
  preparation: 'Preparation (getting ready)',
  action: 'Action (changing now)',
  maintenance: 'Maintenance (keeping it up)',
  relapse: 'Relapse (slipped back)',
};

export function leanSentence(model: Pick<BoardModel, 'items'>): string {
  const l = lean(model);
  const weights = `reasons to change weigh ${l.toChange}, reasons to stay the same weigh ${l.toStay}`;
  if (l.direction === 'even') return `The balance is even: ${weights}.`;
  return `The balance leans towards ${l.direction === 'change' ? 'changing' : 'staying the same'}: ${weights}.`;
}

const line = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<>|])/g, '\\$1');

/** The owner's export: a plain Markdown document with every quadrant, the lean, the stage and the goals. */
export function balanceMarkdown(title: string, model: BoardModel, exportedAt: Date): string {
  const out = [
    `# Decisional balance: ${line(title)}`,
    '',
    `_Exported ${exportedAt.toISOString().slice(0, 10)}_`,
    '',
  ];
  out.push(`**Stage of change:** ${model.stage ? STAGE_LABELS[model.stage] : 'not recorded'}`, '');
  out.push(leanSentence(model), '');
  for (const q of QUADRANTS) {
    out.push(`## ${QUADRANT_LABELS[q]}`, '');
    const items = model.items[q];
    if (items.length === 0) out.push('_Nothing yet._');
    for (const i of items) out.push(`- ${line(i.text)} (importance ${i.importance} of 5)`);
    out.push('');
  }
  out.push('## Goals, most important first', '');
  if (model.goals.length === 0) out.push('_No goals yet._');
  model.goals.forEach((g, n) => out.push(`${n + 1}. ${line(g.text)}`));
  out.push('');
  return out.join('\n');
}
