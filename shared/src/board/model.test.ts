import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  acceptSuggestion,
  addGoal,
  addItem,
  dismissSuggestion,
  moveGoal,
  moveItem,
  removeGoal,
  removeItem,
  setStage,
  suggest,
  updateItem,
} from './edit.js';
import { compareBalances, hasChanges } from './compare.js';
import { balanceMarkdown, leanSentence } from './markdown.js';
import { createBoardDoc, lean, readModel, roots } from './model.js';

const texts = (doc: Y.Doc, q: Parameters<typeof addItem>[1]) => readModel(doc).items[q].map((i) => i.text);

describe('quadrants and items', () => {
  it('keeps each item in its quadrant, in the order added', () => {
    const doc = createBoardDoc();
    addItem(doc, 'now-good', 'It relaxes me', 3);
    addItem(doc, 'change-good', 'More money', 4);
    addItem(doc, 'now-good', 'Friends at the bar', 2);
    addItem(doc, 'now-bad', 'Hangovers', 5);
    addItem(doc, 'change-bad', 'Boredom on Fridays', 1);
    expect(texts(doc, 'now-good')).toEqual(['It relaxes me', 'Friends at the bar']);
    expect(texts(doc, 'now-bad')).toEqual(['Hangovers']);
    expect(texts(doc, 'change-good')).toEqual(['More money']);
    expect(texts(doc, 'change-bad')).toEqual(['Boredom on Fridays']);
  });

  it('edits, re-weighs, moves between quadrants and removes', () => {
    const doc = createBoardDoc();
    const id = addItem(doc, 'now-good', 'Sleep better', 2)!;
    updateItem(doc, id, { text: '  Sleep better at night ', importance: 9 });
    expect(readModel(doc).items['now-good'][0]).toMatchObject({
      text: 'Sleep better at night',
      importance: 5,
    });
    updateItem(doc, id, { importance: -3 });
    expect(readModel(doc).items['now-good'][0]!.importance).toBe(1);
    updateItem(doc, id, { quadrant: 'change-good' });
    expect(texts(doc, 'now-good')).toEqual([]);
    expect(texts(doc, 'change-good')).toEqual(['Sleep better at night']);
    removeItem(doc, id);
    expect(texts(doc, 'change-good')).toEqual([]);
  });

  it('refuses empty text and trims long text to the limit', () => {
    const doc = createBoardDoc();
    expect(addItem(doc, 'now-good', '   ', 3)).toBeNull();
    addItem(doc, 'now-good', 'x'.repeat(1000), 3);
    expect(readModel(doc).items['now-good'][0]!.text).toHaveLength(280);
  });

  it('reorders up and down, including at the ends and after ties', () => {
    const doc = createBoardDoc();
    const [a, b, c] = ['A', 'B', 'C'].map((t) => addItem(doc, 'now-bad', t, 3)!);
    moveItem(doc, c!, -1);
    expect(texts(doc, 'now-bad')).toEqual(['A', 'C', 'B']);
    moveItem(doc, c!, -1);
    moveItem(doc, c!, -1); // already first: nothing happens
    expect(texts(doc, 'now-bad')).toEqual(['C', 'A', 'B']);
    moveItem(doc, a!, 1);
    expect(texts(doc, 'now-bad')).toEqual(['C', 'B', 'A']);
    // Two replicas that placed items at the same order: a move still changes the visible order.
    for (const id of [a, b, c]) roots(doc).items.get(id!)!.set('order', 7);
    const before = texts(doc, 'now-bad');
    moveItem(doc, readModel(doc).items['now-bad'][2]!.id, -1);
    const after = texts(doc, 'now-bad');
    expect(after).toEqual([before[0], before[2], before[1]]);
  });

  it('skips malformed entries an editor might have written instead of breaking', () => {
    const doc = createBoardDoc();
    const bad = new Y.Map<unknown>();
    roots(doc).items.set('bad', bad);
    bad.set('quadrant', 'somewhere');
    const weird = new Y.Map<unknown>();
    roots(doc).items.set('weird', weird);
    weird.set('quadrant', 'now-good');
    weird.set('importance', 'lots');
    roots(doc).meta.set('stage', 'denial');
    const m = readModel(doc);
    expect(m.items['now-good']).toEqual([
      { id: 'weird', quadrant: 'now-good', text: '', importance: 1, order: 0 },
    ]);
    expect(m.stage).toBeNull();
  });
});

describe('weights and lean', () => {
  it('weighs reasons to change (change-good + now-bad) against reasons to stay (now-good + change-bad)', () => {
    const doc = createBoardDoc();
    expect(lean(readModel(doc))).toEqual({ toChange: 0, toStay: 0, direction: 'even', tilt: 0 });
    addItem(doc, 'now-good', 'Relaxing', 4);
    addItem(doc, 'change-bad', 'Losing friends', 3);
    addItem(doc, 'now-bad', 'Hangovers', 5);
    expect(lean(readModel(doc))).toMatchObject({ toChange: 5, toStay: 7, direction: 'stay' });
    const id = addItem(doc, 'change-good', 'Money', 4)!;
    const l = lean(readModel(doc));
    expect(l).toMatchObject({ toChange: 9, toStay: 7, direction: 'change' });
    expect(l.tilt).toBeCloseTo(2 / 16);
    updateItem(doc, id, { importance: 2 });
    expect(lean(readModel(doc))).toMatchObject({ toChange: 7, toStay: 7, direction: 'even', tilt: 0 });
    expect(leanSentence(readModel(doc))).toBe(
      'The balance is even: reasons to change weigh 7, reasons to stay the same weigh 7.',
    );
  });
});

describe('suggestions', () => {
  it('accepting turns a proposal into an item in its quadrant with its weight', () => {
    const doc = createBoardDoc();
    const sid = suggest(
      doc,
      { quadrant: 'change-good', text: 'Mornings with the kids', importance: 4 },
      'ben',
      10,
    )!;
    expect(readModel(doc).suggestions).toEqual([
      { id: sid, quadrant: 'change-good', text: 'Mornings with the kids', importance: 4, by: 'ben', at: 10 },
    ]);
    const itemId = acceptSuggestion(doc, sid);
    const m = readModel(doc);
    expect(m.suggestions).toEqual([]);
    expect(m.items['change-good']).toEqual([
      expect.objectContaining({ id: itemId, text: 'Mornings with the kids', importance: 4 }),
    ]);
  });

  it('dismissing removes the proposal and changes no item', () => {
    const doc = createBoardDoc();
    addItem(doc, 'now-good', 'Relaxing', 3);
    const sid = suggest(doc, { quadrant: 'now-bad', text: 'Money', importance: 2 }, 'ana', 1)!;
    dismissSuggestion(doc, sid);
    const m = readModel(doc);
    expect(m.suggestions).toEqual([]);
    expect(texts(doc, 'now-good')).toEqual(['Relaxing']);
    expect(texts(doc, 'now-bad')).toEqual([]);
    expect(acceptSuggestion(doc, sid)).toBeNull();
  });

  it('accepting one suggestion on two replicas at once yields one item', () => {
    const a = createBoardDoc();
    const sid = suggest(a, { quadrant: 'now-bad', text: 'Sleep', importance: 3 }, 'ana', 1)!;
    const b = createBoardDoc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    acceptSuggestion(a, sid);
    dismissSuggestion(b, sid);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readModel(a)).toEqual(readModel(b));
    expect(readModel(a).items['now-bad']).toHaveLength(1);
  });

  it('ignores malformed proposals', () => {
    const doc = createBoardDoc();
    roots(doc).suggestions.set('x', { quadrant: 'now-good', text: '', importance: 3, by: 'a', at: 1 });
    roots(doc).suggestions.set('y', 'hello');
    expect(readModel(doc).suggestions).toEqual([]);
    expect(suggest(doc, { quadrant: 'now-good', text: ' ', importance: 3 }, 'a', 1)).toBeNull();
  });
});

describe('stage, goals, export and changes since last time', () => {
  it('records the stage and orders goals by priority', () => {
    const doc = createBoardDoc();
    setStage(doc, 'contemplation');
    const [g1, g2, g3] = ['Two dry days a week', 'Tell my sister', 'Find a Friday hobby'].map((t) =>
      addGoal(doc, t)!,
    );
    moveGoal(doc, g3!, -1);
    moveGoal(doc, g3!, -1);
    removeGoal(doc, g2!);
    const m = readModel(doc);
    expect(m.stage).toBe('contemplation');
    expect(m.goals.map((g) => g.id)).toEqual([g3, g1]);
    setStage(doc, null);
    expect(readModel(doc).stage).toBeNull();
  });

  it('exports Markdown with every quadrant, the lean, stage and goals, escaping markup', () => {
    const doc = createBoardDoc();
    addItem(doc, 'now-good', 'Relaxing *a lot*', 4);
    addItem(doc, 'change-good', 'Money', 5);
    setStage(doc, 'preparation');
    addGoal(doc, 'Dry January');
    const md = balanceMarkdown('My drinking', readModel(doc), new Date('2026-03-01T10:00:00Z'));
    expect(md).toContain('# Decisional balance: My drinking');
    expect(md).toContain('_Exported 2026-03-01_');
    expect(md).toContain('**Stage of change:** Preparation (getting ready)');
    expect(md).toContain(
      '## Good things about how things are now\n\n- Relaxing \\*a lot\\* (importance 4 of 5)',
    );
    expect(md).toContain('## Not-so-good things about changing\n\n_Nothing yet._');
    expect(md).toContain('1. Dry January');
    expect(md).toContain(
      'leans towards changing: reasons to change weigh 5, reasons to stay the same weigh 4',
    );
  });

  it('compares with the snapshot from the end of the last meeting', () => {
    const doc = createBoardDoc();
    const keep = addItem(doc, 'now-good', 'Relaxing', 4)!;
    const gone = addItem(doc, 'change-bad', 'Boredom', 3)!;
    setStage(doc, 'contemplation');
    const before = readModel(doc);
    expect(hasChanges(compareBalances(before, readModel(doc)))).toBe(false);
    updateItem(doc, keep, { importance: 2 });
    removeItem(doc, gone);
    addItem(doc, 'change-good', 'Money', 5);
    setStage(doc, 'preparation');
    const c = compareBalances(before, readModel(doc));
    expect(c.added.map((i) => i.text)).toEqual(['Money']);
    expect(c.removed.map((i) => i.text)).toEqual(['Boredom']);
    expect(c.reweighed).toEqual([{ item: expect.objectContaining({ text: 'Relaxing' }), from: 4 }]);
    expect(c.stage).toEqual({ from: 'contemplation', to: 'preparation' });
    expect(c.lean).toEqual({ from: -7, to: 3 });
  });
});
