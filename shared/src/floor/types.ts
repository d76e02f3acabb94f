/** Whether a seated person can take the word right now. */
export type Presence = 'here' | 'offline' | 'away';

/** How a person's turn in a go-around ended. */
export type RoundMark = 'spoke' | 'passed' | 'skipped';

export interface Turn {
  pid: string;
  /** Server time the turn started (for display). */
  startedAt: number;
  /** Time already used before the last resume; the turn clock pauses while the holder is offline. */
  usedMs: number;
  /** When the clock last resumed, or null while paused. */
  runningSince: number | null;
  limitMs: number | null;
  warned: boolean;
  timeUp: boolean;
}

export interface Round {
  /** Everyone seated when the round started, in seat order from the starting seat. */
  order: string[];
  marks: Record<string, RoundMark>;
  limitMs: number | null;
}

export interface FloorSettings {
  /** Default turn limit, null for none. A round may set its own. */
  turnLimitMs: number | null;
  /** Hand over to the next person when time is up (otherwise the facilitator decides). */
  autoHandover: boolean;
}

export interface FloorState {
  seats: string[];
  presence: Record<string, Presence>;
  holder: Turn | null;
  queue: string[];
  /**
   * Listeners (members without a seat) on the floor right now: those whose hand is up or who hold the
   * word, and nobody else, so the floor stays the size of the circle however many listen. Their presence
   * is kept in `presence` while they are here (absent in records from before listeners existed).
   */
  guests?: string[];
  round: Round | null;
  settings: FloorSettings;
  /** Number of turns each person took this meeting (shared or passed), for "who has not spoken yet". */
  turns: Record<string, { spoke: number; passed: number }>;
  /** While the meeting is paused every turn clock stands still (absent in records from before pausing existed). */
  paused?: boolean;
  /** The last give / take back / next, undoable for a few seconds while nothing else has changed the floor. */
  lastMove?: UndoableMove | null;
}

export interface UndoableMove {
  /** Server time of the move. */
  at: number;
  /** The floor just before the move (without its own `lastMove`), restored as it was by an undo. */
  prior: Omit<FloorState, 'lastMove'>;
}

/**
 * What a command was aimed at, so a command sent against an old picture of the room is refused
 * (`STALE`) rather than applied to whoever holds the word now. Absent means "not checked".
 */
export interface Expected {
  /** Who held the word (null: nobody). */
  expectHolder?: string | null;
}

export type FloorCommand =
  | { type: 'join'; pid: string }
  | { type: 'leave'; pid: string }
  | { type: 'presence'; pid: string; presence: Presence }
  | { type: 'reorderSeats'; order: string[] }
  /** `listener`: the server says this person is a listener, who steps onto the floor as a guest. */
  | { type: 'raiseHand'; pid: string; listener?: boolean }
  | { type: 'lowerHand'; pid: string }
  | { type: 'pass'; pid: string }
  | { type: 'done'; pid: string }
  | ({ type: 'give'; pid: string; listener?: boolean } & Expected)
  | ({ type: 'takeBack' } & Expected)
  | ({ type: 'next'; expectNext?: string | null } & Expected)
  | { type: 'undo'; expectHolder: string | null }
  | { type: 'startRound'; from?: string; limitMs?: number | null }
  | { type: 'endRound' }
  | { type: 'skip'; pid: string }
  | { type: 'reorderQueue'; order: string[] }
  | { type: 'settings'; settings: Partial<FloorSettings> }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'tick' };

export type FloorNotice =
  | { kind: 'next-up'; pid: string }
  | { kind: 'your-turn'; pid: string }
  | { kind: 'time-warning'; pid: string }
  | { kind: 'time-up'; pid: string }
  | { kind: 'round-ended' };

export type FloorRejection = 'CONFLICT' | 'NOT_FOUND' | 'BAD_REQUEST' | 'STALE';

export type FloorEffect =
  | { type: 'notice'; notice: FloorNotice }
  /** Ask the host to run a `tick` at this server time (the next warning or deadline). */
  | { type: 'wakeAt'; at: number }
  | { type: 'rejected'; reason: FloorRejection };

export interface FloorResult {
  state: FloorState;
  effects: FloorEffect[];
}
