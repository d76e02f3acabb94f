/**
 * Sizes that keep a balance readable on screen, its sync messages inside one Socket.IO frame, and the
 * memory one balance can take on the server bounded. The client uses the same numbers to say "full"
 * before the server has to refuse.
 */
export const BOARD_LIMITS = {
  titleMax: 80,
  textMax: 280,
  importanceMin: 1,
  importanceMax: 5,
  /** A sync or awareness message; Socket.IO closes the connection on any frame over 16 KiB. */
  messageMax: 12 * 1024,
  /** Items in one balance, all quadrants together. */
  itemsPerBalance: 200,
  goalsPerBalance: 50,
  /** Open proposals on one balance, everyone's together (each person also has their own cap). */
  suggestionsPerBalance: 100,
  /**
   * Yjs structs one document may hold, tombstones of overwritten and deleted values included: what a
   * balance costs in memory grows with this count, not with its visible content. A full balance (items,
   * goals, suggestions) takes under 2,000; the rest is room for years of edits.
   */
  historyMax: 10_000,
  /** The whole stored document (state plus uncompacted updates). */
  documentMax: 2 * 1024 * 1024,
  balancesPerOwner: 20,
  openSuggestionsPerPerson: 20,
} as const;
