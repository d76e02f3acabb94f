import { describe, expect, it } from 'vitest';
import { initialFloor } from '../floor/machine.js';
import type { FloorCommand, FloorState } from '../floor/types.js';
import { dropRolesOf, initialFormat, pauseFormat, stepFormat } from './machine.js';
import type { FormatPart, FormatState, FormatStep } from './schemas.js';
import { MeetingFormatSchema, utf8Bytes, FORMAT_LIMITS } from './schemas.js';

const part = (kind: FormatPart['kind'], extra: Partial<FormatPart> = {}): FormatPart => ({
  title: kind,
  text: '',
  kind,
  minutes: null,
  turnLimitSec: null,
  ...extra,
});

const PARTS: FormatPart[] = [
  part('reading', { title: 'Welcome', text: 'We are glad you are here.' }),
  part('silence', { minutes: 1 }),
  part('reading', { title: 'Reading' }),
  part('go-around', { turnLimitSec: 180, minutes: 30 }),
  part('open-sharing'),
  part('announcements'),
];

/** A floor with Ana and Ben seated and here; `holder` holds the word, a round runs if `round`. */
function floor(opts: { holder?: string; round?: boolean; paused?: boolean } = {}): FloorState {
  const f = initialFloor();
  f.seats = ['ana', 'ben'];
  f.presence = { ana: 'here', ben: 'here' };
  if (opts.holder)
    f.holder = {
      pid: opts.holder,
      startedAt: 0,
      usedMs: 0,
      runningSince: 0,
      limitMs: null,
      warned: false,
      timeUp: false,
    };
  if (opts.round) f.round = { order: ['ana', 'ben'], marks: {}, limitMs: null };
  if (opts.paused) f.paused = true;
  return f;
}

const at = (index: number | null, reader: string | null = null): FormatState => ({
  ...initialFormat(),
  reader,
  current: index === null ? null : { index, total: PARTS.length, part: PARTS[index]!, clock: null },
});

describe('stepping through a format', () => {
  const cases: Array<{
    name: string;
    from: FormatState;
    step: FormatStep;
    floor?: FloorState;
    index?: number | null;
    refused?: 'STALE' | 'CONFLICT';
    moves?: FloorCommand[];
  }> = [
    {
      name: 'next from nothing shows the first part',
      from: at(null),
      step: { move: 'next', expectIndex: null },
      index: 0,
      moves: [],
    },
    {
      name: 'next moves one part on',
      from: at(0),
      step: { move: 'next', expectIndex: 0 },
      index: 1,
      moves: [],
    },
    {
      name: 'previous moves one part back',
      from: at(2),
      step: { move: 'previous', expectIndex: 2 },
      index: 1,
      moves: [],
    },
    {
      name: 'stop leaves the format',
      from: at(4),
      step: { move: 'stop', expectIndex: 4 },
      index: null,
      moves: [],
    },
    {
      name: 'a step aimed at another part is stale',
      from: at(1),
      step: { move: 'next', expectIndex: 0 },
      refused: 'STALE',
    },
    {
      name: 'a first step when a part is shown is stale',
      from: at(0),
      step: { move: 'next', expectIndex: null },
      refused: 'STALE',
    },
    {
      name: 'no next after the last part',
      from: at(5),
      step: { move: 'next', expectIndex: 5 },
      refused: 'CONFLICT',
    },
    {
      name: 'no previous before the first part',
      from: at(0),
      step: { move: 'previous', expectIndex: 0 },
      refused: 'CONFLICT',
    },
    {
      name: 'nothing to stop',
      from: at(null),
      step: { move: 'stop', expectIndex: null },
      refused: 'CONFLICT',
    },
    {
      name: 'a go-around starts a round with its own per-turn limit',
      from: at(2),
      step: { move: 'next', expectIndex: 2 },
      index: 3,
      moves: [{ type: 'startRound', limitMs: 180_000 }],
    },
    {
      name: 'leaving a go-around ends its round',
      from: at(3),
      step: { move: 'next', expectIndex: 3 },
      floor: floor({ round: true, holder: 'ana' }),
      index: 4,
      moves: [{ type: 'endRound' }],
    },
    {
      name: 'open sharing ends a round started by hand: hands are served',
      from: at(0),
      step: { move: 'next', expectIndex: 0 },
      floor: floor({ round: true }),
      index: 1,
      moves: [{ type: 'endRound' }],
    },
    {
      name: 'a silence takes the word back',
      from: at(0),
      step: { move: 'next', expectIndex: 0 },
      floor: floor({ holder: 'ben' }),
      index: 1,
      moves: [{ type: 'takeBack' }],
    },
    {
      name: 'a reading gives the word to the Reader',
      from: at(1, 'ben'),
      step: { move: 'next', expectIndex: 1 },
      index: 2,
      moves: [{ type: 'give', pid: 'ben' }],
    },
    {
      name: 'a reading without a Reader leaves the word where it is',
      from: at(1),
      step: { move: 'next', expectIndex: 1 },
      floor: floor({ holder: 'ana' }),
      index: 2,
      moves: [],
    },
    {
      name: 'a Reader who is away does not get the word',
      from: at(1, 'ben'),
      step: { move: 'next', expectIndex: 1 },
      floor: { ...floor(), presence: { ana: 'here', ben: 'away' } },
      index: 2,
      moves: [],
    },
    {
      name: 'the Reader gives the word back when the reading ends',
      from: at(2, 'ben'),
      step: { move: 'next', expectIndex: 2 },
      floor: floor({ holder: 'ben' }),
      index: 3,
      moves: [{ type: 'takeBack' }, { type: 'startRound', limitMs: 180_000 }],
    },
    {
      name: 'ending a reading takes the word back from the Reader only',
      from: at(2, 'ben'),
      step: { move: 'next', expectIndex: 2 },
      floor: floor({ holder: 'ana' }),
      index: 3,
      moves: [{ type: 'startRound', limitMs: 180_000 }],
    },
  ];

  for (const c of cases)
    it(c.name, () => {
      const r = stepFormat(c.from, PARTS, c.step, { now: 1_000, floor: c.floor ?? floor() });
      if (c.refused) return expect(r).toEqual({ ok: false, reason: c.refused });
      if (!r.ok) throw new Error(`refused: ${r.reason}`);
      expect(r.state.current?.index ?? null).toBe(c.index);
      expect(r.floor).toEqual(c.moves);
    });

  it('the Reader keeps the word from one reading to the next', () => {
    const parts = [part('reading'), part('reading')];
    const from: FormatState = {
      ...at(null, 'ben'),
      current: { index: 0, total: 2, part: parts[0]!, clock: null },
    };
    const r = stepFormat(
      from,
      parts,
      { move: 'next', expectIndex: 0 },
      { now: 0, floor: floor({ holder: 'ben' }) },
    );
    expect(r.ok && r.floor).toEqual([]);
  });

  it('copies the part it reaches, so a later edit of the format changes nothing shown', () => {
    const parts = [part('reading', { title: 'Before' })];
    const r = stepFormat(
      initialFormat(),
      parts,
      { move: 'next', expectIndex: null },
      { now: 0, floor: floor() },
    );
    parts[0] = part('reading', { title: 'After' });
    expect(r.ok && r.state.current?.part.title).toBe('Before');
  });

  it('previous on a format that became shorter lands on its last part', () => {
    const r = stepFormat(
      at(5),
      PARTS.slice(0, 3),
      { move: 'previous', expectIndex: 5 },
      { now: 0, floor: floor() },
    );
    expect(r.ok && r.state.current?.index).toBe(2);
  });
});

describe('a part’s own clock', () => {
  const step = { move: 'next', expectIndex: 0 } as const;
  it('starts when a part with a length is reached, and none without one', () => {
    const r = stepFormat(at(0), PARTS, step, { now: 5_000, floor: floor() });
    expect(r.ok && r.state.current?.clock).toEqual({ openedAt: 5_000, pausedAt: null, pausedMs: 0 });
    const none = stepFormat(at(1), PARTS, { move: 'next', expectIndex: 1 }, { now: 5_000, floor: floor() });
    expect(none.ok && none.state.current?.clock).toBeNull();
  });

  it('starts paused while the meeting is paused, and follows pause and resume', () => {
    const r = stepFormat(at(0), PARTS, step, { now: 5_000, floor: floor({ paused: true }) });
    if (!r.ok) throw new Error('refused');
    expect(r.state.current?.clock?.pausedAt).toBe(5_000);
    const resumed = pauseFormat(r.state, false, 8_000);
    expect(resumed.current?.clock).toEqual({ openedAt: 5_000, pausedAt: null, pausedMs: 3_000 });
    expect(pauseFormat(resumed, true, 9_000).current?.clock?.pausedAt).toBe(9_000);
    expect(pauseFormat(initialFormat(), true, 9_000)).toEqual(initialFormat());
  });
});

describe('meeting roles', () => {
  it('are let go when their holder is no longer in the meeting', () => {
    const s: FormatState = { current: null, reader: 'ana', timekeeper: 'ben' };
    expect(dropRolesOf(s, (p) => p !== 'ben')).toEqual({ current: null, reader: 'ana', timekeeper: null });
    expect(dropRolesOf(s, () => true)).toBe(s);
  });
});

describe('format bounds', () => {
  const parts = (n: number, p: Partial<FormatPart> = {}) =>
    Array.from({ length: n }, () => part('reading', p));
  it.each([
    ['31 parts', { parts: parts(31) }, false],
    ['30 parts', { parts: parts(30) }, true],
    ['a title of 81 characters', { parts: parts(1, { title: 'x'.repeat(81) }) }, false],
    ['a text of 4,001 characters', { parts: parts(1, { text: 'x'.repeat(4_001) }) }, false],
    ['an empty title', { parts: parts(1, { title: ' ' }) }, false],
    ['an unknown kind', { parts: [{ ...part('reading'), kind: 'sermon' }] }, false],
    ['texts beyond the frame', { parts: parts(4, { text: 'я'.repeat(2_000) }) }, false],
    ['texts within the frame', { parts: parts(3, { text: 'x'.repeat(4_000) }) }, true],
  ])('%s: accepted %s', (_name, input, ok) => {
    expect(MeetingFormatSchema.safeParse(input).success).toBe(ok);
  });

  it('counts bytes as UTF-8 does', () => {
    expect(utf8Bytes('aя€😀')).toBe(1 + 2 + 3 + 4);
    expect(FORMAT_LIMITS.bytesMax).toBeLessThan(16 * 1024);
  });
});
