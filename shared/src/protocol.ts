/** Bumped whenever an event or payload changes incompatibly; checked on connect. */
export const PROTOCOL_VERSION = 1;

/** The closed set of error codes a client can ever receive. Internal error text never leaves the server. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'PROTOCOL_MISMATCH',
  'INVALID_TOKEN',
  'NOT_JOINED',
  'NOT_ADMITTED',
  'FORBIDDEN',
  /** Removed from the group: refused at every meeting until a facilitator lets them back in. */
  'EXCLUDED',
  'NOT_FOUND',
  'CONFLICT',
  'ROOM_FULL',
  /** A size cap was reached (items in a balance, balances per person, a balance's history). */
  'LIMIT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
  /** A floor command aimed at a state that has already changed (the word moved meanwhile). */
  'STALE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode };
export type AckFn<T> = (ack: Ack<T>) => void;

export const ROLES = ['facilitator', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** How long a dropped participant keeps their seat, queue place and the word. */
export const RECONNECT_WINDOW_MS = 2 * 60_000;

export const LIMITS = {
  nameMax: 40,
  groupNameMax: 80,
  declarationMax: 4_000,
  capacityMin: 2,
  capacityMax: 40,
  capacityWarnFrom: 9,
  /** A meeting's length in minutes; the client forms check the same bounds as the schemas. */
  meetingMinutesMin: 10,
  meetingMinutesMax: 240,
  /** A turn limit (the group's, or one round's) in seconds. */
  turnLimitSecMin: 10,
  turnLimitSecMax: 3_600,
  /** A re-formed group's number of sessions. */
  sessionsMax: 200,
  /** How long attendance may be kept, in days. */
  retentionDaysMax: 3_650,
  /** A role-play's length in minutes. */
  exerciseMinutesMax: 60,
  /** Observers sit outside the circle; a group allows a few (its setting), never more than this. */
  observerMax: 20,
  observersDefault: 4,
  /** Listeners: members beyond the seats who follow the meeting and may ask for the word (a group's setting). */
  listenersMax: 500,
  /** People waiting in the lobby at once: they hold no seat, but each is a connection and a record. */
  lobbyMax: 30,
  /** Opening and closing words, support contacts. */
  wordsMax: 2_000,
  /** A listed group's "what to expect", its approximate location, its contribution link. */
  listingTextMax: 1_000,
  listingLocationMax: 80,
  listingUrlMax: 300,
  chatMax: 1_000,
  /** A nudge, a note on sending someone back to the lobby, an absence notice. */
  noteMax: 300,
  /** My journal: each text of an entry, and the entries one identity keeps in a group. */
  journalTextMax: 2_000,
  journalEntriesMax: 200,
  /** Socket.IO refuses any frame larger than this before it reaches a handler. */
  maxPayloadBytes: 16 * 1024,
} as const;
