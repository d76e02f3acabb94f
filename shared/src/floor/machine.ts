import type {
  FloorCommand,
  FloorEffect,
  FloorRejection,
  FloorResult,
  FloorSettings,
  FloorState,
  Round,
  RoundMark,
  Turn,
} from './types.js';

/** What the queries below read: a server's floor or a client's view of it (which lacks what an undo restores). */
export type FloorFacts = Omit<FloorState, 'lastMove'>;

/** The soft warning comes at this share of the turn limit. */
export const WARNING_SHARE = 0.8;

/** How long a facilitator's give / take back / next can be undone. */
export const UNDO_WINDOW_MS = 5_000;

/** The moves a facilitator may undo: they may have been a slip of the finger. */
const UNDOABLE = new Set<FloorCommand['type']>(['give', 'takeBack', 'next']);

export function initialFloor(settings: Partial<FloorSettings> = {}): FloorState {
  return {
    seats: [],
    presence: {},
    holder: null,
    queue: [],
    round: null,
    settings: { turnLimitMs: null, autoHandover: false, ...settings },
    turns: {},
  };
}

export function turnUsedMs(turn: Turn, now: number): number {
  return turn.usedMs + (turn.runningSince === null ? 0 : Math.max(0, now - turn.runningSince));
}

/** Seated, or a listener on the floor (hand up or holding the word). */
export function onFloor(s: FloorFacts, pid: string): boolean {
  return s.seats.includes(pid) || (s.guests?.includes(pid) ?? false);
}

export function canSpeak(s: FloorFacts, pid: string): boolean {
  return onFloor(s, pid) && s.presence[pid] === 'here';
}

/** Who gets the word when the current turn ends: the round first, then raised hands. */
export function upcoming(s: FloorFacts): string | null {
  const holder = s.holder?.pid;
  if (s.round) {
    const inRound = s.round.order.find((p) => !s.round!.marks[p] && p !== holder && canSpeak(s, p));
    if (inRound) return inRound;
  }
  return s.queue.find((p) => p !== holder && canSpeak(s, p)) ?? null;
}

/**
 * The floor: who holds the word, the raised hands, the go-around and the turn clock.
 * Pure and deterministic: the server runs it authoritatively, the tests drive it directly.
 */
export function floorReducer(prev: FloorState, cmd: FloorCommand, now: number): FloorResult {
  const s = copyFloor(prev);
  const effects: FloorEffect[] = [];
  let rejection: FloorRejection | null;
  try {
    rejection = stale(prev, cmd) ?? apply(s, cmd, now, effects);
    if (!rejection) tidyGuests(s);
  } finally {
    // Only while this command runs: kept, the link would hold every earlier floor of the meeting alive.
    sharedWith.delete(s);
  }
  if (rejection) return { state: prev, effects: [{ type: 'rejected', reason: rejection }] };
  remember(prev, s, cmd, now);

  const before = upcoming(prev);
  const after = upcoming(s);
  if (after && after !== before) effects.push({ type: 'notice', notice: { kind: 'next-up', pid: after } });
  const wake = nextWake(s);
  if (wake !== null) effects.push({ type: 'wakeAt', at: wake });
  return { state: s, effects };
}

/** The floor each state made by `copyFloor` still shares its records with, until it writes to them. */
const sharedWith = new WeakMap<FloorState, FloorState>();

/**
 * A copy of the floor that `apply` may change without touching `prev`. Copy on write: lists are replaced
 * rather than changed in place, and a record (presence, turn counts, settings, a round's marks, the turn)
 * is copied the first time this command writes to it (`own`, `ownMarks`, `ownTurn`). So a command copies
 * what it changes and nothing else, and every part it left alone is the very object of the floor before:
 * the patch to clients compares those by identity, and a raised hand leaves no new turn to keep.
 */
function copyFloor(prev: FloorState): FloorState {
  const s: FloorState = { ...prev };
  sharedWith.set(s, prev);
  return s;
}

/** `s`'s own `presence`, `turns` or `settings`, to write to (copied on the first write). */
function own<K extends 'presence' | 'turns' | 'settings'>(s: FloorState, key: K): FloorState[K] {
  const prev = sharedWith.get(s);
  if (prev && s[key] === prev[key]) s[key] = { ...s[key] };
  return s[key];
}

/** `s`'s own turn, to change in place (copied on the first write); only called while someone holds the word. */
function ownTurn(s: FloorState): Turn {
  if (s.holder === sharedWith.get(s)?.holder) s.holder = { ...s.holder! };
  return s.holder!;
}

/** The marks of `s`'s round, to write to (the round and its marks copied on the first write). */
function ownMarks(s: FloorState): Round['marks'] {
  const round = s.round!;
  if (round === sharedWith.get(s)?.round) s.round = { ...round, marks: { ...round.marks } };
  return s.round!.marks;
}

/** A command aimed at another holder (or another next person) than the room has now is refused whole. */
function stale(s: FloorState, cmd: FloorCommand): FloorRejection | null {
  if (!('expectHolder' in cmd) || cmd.expectHolder === undefined) return null;
  if ((s.holder?.pid ?? null) !== cmd.expectHolder) return 'STALE';
  if (cmd.type === 'next' && cmd.expectNext !== undefined && upcoming(s) !== cmd.expectNext) return 'STALE';
  return null;
}

/**
 * Keeps what an undoable move replaced; anything else that changes the floor (a raised hand, someone
 * leaving, a turn ending on its own) forgets it, so an undo never rolls back someone else's action.
 */
function remember(prev: FloorState, s: FloorState, cmd: FloorCommand, now: number) {
  if (UNDOABLE.has(cmd.type)) {
    const { lastMove: _dropped, ...prior } = prev;
    s.lastMove = { at: now, prior };
  } else if (cmd.type !== 'tick' || s.holder?.pid !== prev.holder?.pid) {
    delete s.lastMove;
  }
}

function undo(s: FloorState, now: number, fx: FloorEffect[]): FloorRejection | null {
  const move = s.lastMove;
  if (!move) return 'STALE';
  if (now - move.at > UNDO_WINDOW_MS) return 'CONFLICT';
  const restored = JSON.parse(JSON.stringify(move.prior)) as FloorState;
  const turn = restored.holder;
  if (turn) {
    // The restored holder gets back the time they had left when the move happened, not the seconds since.
    turn.usedMs = turnUsedMs(turn, move.at);
    turn.runningSince = restored.paused || restored.presence[turn.pid] !== 'here' ? null : now;
    fx.push({ type: 'notice', notice: { kind: 'your-turn', pid: turn.pid } });
  }
  for (const key of Object.keys(s) as (keyof FloorState)[]) delete s[key];
  Object.assign(s, restored);
  return null;
}

function apply(s: FloorState, cmd: FloorCommand, now: number, fx: FloorEffect[]): FloorRejection | null {
  switch (cmd.type) {
    case 'join':
      if (!s.seats.includes(cmd.pid)) s.seats = [...s.seats, cmd.pid];
      s.guests = s.guests?.filter((p) => p !== cmd.pid);
      setPresence(s, cmd.pid, 'here', now, fx);
      return null;
    case 'leave': {
      if (!onFloor(s, cmd.pid)) return 'NOT_FOUND';
      const held = s.holder?.pid === cmd.pid;
      if (held) endTurn(s, 'spoke', now);
      s.seats = s.seats.filter((p) => p !== cmd.pid);
      s.guests = s.guests?.filter((p) => p !== cmd.pid);
      s.queue = s.queue.filter((p) => p !== cmd.pid);
      delete own(s, 'presence')[cmd.pid];
      if (held) advance(s, now, fx);
      return null;
    }
    case 'presence':
      if (!onFloor(s, cmd.pid)) return 'NOT_FOUND';
      setPresence(s, cmd.pid, cmd.presence, now, fx);
      return null;
    case 'reorderSeats':
      if (!isPermutation(cmd.order, s.seats)) return 'BAD_REQUEST';
      s.seats = [...cmd.order];
      return null;
    case 'raiseHand':
      if (cmd.listener) enrolGuest(s, cmd.pid);
      if (!canSpeak(s, cmd.pid) || s.holder?.pid === cmd.pid) return 'CONFLICT';
      if (!s.queue.includes(cmd.pid)) s.queue = [...s.queue, cmd.pid];
      return null;
    case 'lowerHand':
      s.queue = s.queue.filter((p) => p !== cmd.pid);
      return null;
    case 'pass':
    case 'done':
      if (s.holder?.pid !== cmd.pid) return 'CONFLICT';
      endTurn(s, cmd.type === 'pass' ? 'passed' : 'spoke', now);
      advance(s, now, fx);
      return null;
    case 'give':
      if (cmd.listener) enrolGuest(s, cmd.pid);
      if (!onFloor(s, cmd.pid)) return 'NOT_FOUND';
      // Giving the word to its holder would count a turn and restart the clock.
      if (!canSpeak(s, cmd.pid) || s.holder?.pid === cmd.pid) return 'CONFLICT';
      if (s.holder) endTurn(s, 'spoke', now);
      giveTo(s, cmd.pid, now, fx);
      return null;
    case 'takeBack':
      if (!s.holder) return 'CONFLICT';
      endTurn(s, 'spoke', now);
      return null;
    case 'next':
      if (s.holder) endTurn(s, 'spoke', now);
      advance(s, now, fx);
      return null;
    case 'startRound': {
      if (s.seats.length === 0) return 'CONFLICT';
      const from = cmd.from ?? s.seats[0]!;
      const start = s.seats.indexOf(from);
      if (start < 0) return 'NOT_FOUND';
      if (s.holder) endTurn(s, 'spoke', now);
      const order = [...s.seats.slice(start), ...s.seats.slice(0, start)];
      s.round = {
        order,
        marks: {},
        limitMs: cmd.limitMs === undefined ? s.settings.turnLimitMs : cmd.limitMs,
      };
      advance(s, now, fx);
      return null;
    }
    case 'endRound':
      if (!s.round) return 'CONFLICT';
      s.round = null;
      return null;
    case 'skip': {
      const round = s.round;
      if (!round || !round.order.includes(cmd.pid) || round.marks[cmd.pid]) return 'CONFLICT';
      ownMarks(s)[cmd.pid] = 'skipped';
      if (s.holder?.pid === cmd.pid) {
        s.holder = null;
        advance(s, now, fx);
      }
      return null;
    }
    case 'reorderQueue':
      if (!isPermutation(cmd.order, s.queue)) return 'BAD_REQUEST';
      s.queue = [...cmd.order];
      return null;
    case 'settings': {
      // Only the known keys, and only when given: `{ turnLimitMs: undefined }` must not wipe the limit.
      const { turnLimitMs, autoHandover } = cmd.settings;
      if (turnLimitMs !== undefined) own(s, 'settings').turnLimitMs = turnLimitMs;
      if (autoHandover !== undefined) own(s, 'settings').autoHandover = autoHandover;
      return null;
    }
    case 'pause':
      if (s.paused) return 'CONFLICT';
      s.paused = true;
      if (s.holder) freeze(s, now);
      return null;
    case 'resume': {
      if (!s.paused) return 'CONFLICT';
      s.paused = false;
      const turn = s.holder;
      // An offline holder's clock stays frozen until they are back, as when they dropped out.
      if (turn && turn.runningSince === null && s.presence[turn.pid] === 'here')
        ownTurn(s).runningSince = now;
      return null;
    }
    case 'tick':
      tick(s, now, fx);
      return null;
    case 'undo':
      return undo(s, now, fx);
  }
}

/** A listener asking for (or given) the word steps onto the floor; seated people are there already. */
function enrolGuest(s: FloorState, pid: string) {
  if (onFloor(s, pid)) return;
  s.guests = [...(s.guests ?? []), pid];
  own(s, 'presence')[pid] = 'here';
}

/**
 * A listener stays on the floor only while their hand is up or they hold the word: once neither, they
 * step back among the listeners (and out of the floor's state, which stays small).
 */
function tidyGuests(s: FloorState) {
  if (!s.guests) return void delete s.guests;
  const stay = s.guests.filter((p) => s.queue.includes(p) || s.holder?.pid === p);
  for (const p of s.guests) if (!stay.includes(p) && !s.seats.includes(p)) delete own(s, 'presence')[p];
  if (stay.length) s.guests = stay;
  else delete s.guests;
}

function setPresence(
  s: FloorState,
  pid: string,
  presence: FloorState['presence'][string],
  now: number,
  fx: FloorEffect[],
) {
  if (s.presence[pid] !== presence) own(s, 'presence')[pid] = presence;
  const turn = s.holder;
  if (turn?.pid !== pid) return;
  if (presence === 'away') {
    // Stepping out ends the turn: the circle should not wait for someone who chose to leave it for a while.
    endTurn(s, 'spoke', now);
    advance(s, now, fx);
  } else if (presence === 'offline') {
    // A dropped connection keeps the word and freezes its clock, so the holder gets the remaining time back.
    freeze(s, now);
  } else if (presence === 'here' && turn.runningSince === null && !s.paused) {
    ownTurn(s).runningSince = now;
  }
}

/** Stops the clock of the turn `s` has. */
function freeze(s: FloorState, now: number) {
  if (s.holder?.runningSince == null) return;
  const turn = ownTurn(s);
  turn.usedMs = turnUsedMs(turn, now);
  turn.runningSince = null;
}

function endTurn(s: FloorState, mark: Exclude<RoundMark, 'skipped'>, _now: number) {
  const pid = s.holder?.pid;
  if (!pid) return;
  const round = s.round;
  if (round && round.order.includes(pid) && !round.marks[pid]) ownMarks(s)[pid] = mark;
  // Replaced, not changed in place: the copy of the floor shares each count with the state before.
  const count = s.turns[pid] ?? { spoke: 0, passed: 0 };
  own(s, 'turns')[pid] =
    mark === 'passed' ? { ...count, passed: count.passed + 1 } : { ...count, spoke: count.spoke + 1 };
  s.holder = null;
}

/** Hands the word to whoever is next: the rest of the round (skipping absent people), then raised hands. */
function advance(s: FloorState, now: number, fx: FloorEffect[]) {
  const round = s.round;
  if (round) {
    for (const pid of round.order) {
      if (round.marks[pid]) continue;
      if (!canSpeak(s, pid)) {
        ownMarks(s)[pid] = 'skipped';
        continue;
      }
      giveTo(s, pid, now, fx);
      return;
    }
    s.round = null;
    fx.push({ type: 'notice', notice: { kind: 'round-ended' } });
  }
  const nextHand = s.queue.find((p) => canSpeak(s, p));
  if (nextHand) giveTo(s, nextHand, now, fx);
}

function giveTo(s: FloorState, pid: string, now: number, fx: FloorEffect[]) {
  s.queue = s.queue.filter((p) => p !== pid);
  const limitMs = s.round ? s.round.limitMs : s.settings.turnLimitMs;
  // During a pause the word can still be given, but its clock only starts when the meeting resumes.
  const runningSince = s.paused ? null : now;
  s.holder = { pid, startedAt: now, usedMs: 0, runningSince, limitMs, warned: false, timeUp: false };
  fx.push({ type: 'notice', notice: { kind: 'your-turn', pid } });
}

function tick(s: FloorState, now: number, fx: FloorEffect[]) {
  const turn = s.holder;
  if (!turn || turn.limitMs === null) return;
  const used = turnUsedMs(turn, now);
  if (!turn.warned && used >= turn.limitMs * WARNING_SHARE) {
    ownTurn(s).warned = true;
    fx.push({ type: 'notice', notice: { kind: 'time-warning', pid: turn.pid } });
  }
  if (!turn.timeUp && used >= turn.limitMs) {
    ownTurn(s).timeUp = true;
    fx.push({ type: 'notice', notice: { kind: 'time-up', pid: turn.pid } });
    if (s.settings.autoHandover) {
      endTurn(s, 'spoke', now);
      advance(s, now, fx);
    }
  }
}

/** The next server time at which `tick` has something to do, or null. */
export function nextWake(s: FloorState): number | null {
  const turn = s.holder;
  if (!turn || turn.limitMs === null || turn.runningSince === null || turn.timeUp) return null;
  const target = turn.warned ? turn.limitMs : turn.limitMs * WARNING_SHARE;
  return turn.runningSince + Math.max(0, Math.ceil(target - turn.usedMs));
}

function isPermutation(order: string[], of: string[]): boolean {
  return (
    order.length === of.length && new Set(order).size === order.length && order.every((p) => of.includes(p))
  );
}
