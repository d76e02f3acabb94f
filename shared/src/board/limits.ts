/** Sizes that keep a balance readable on screen and its sync messages inside one Socket.IO frame. */
export const BOARD_LIMITS = {
  titleMax: 80,
  textMax: 280,
  importanceMin: 1,
  importanceMax: 5,
  /** A sync or awareness message; Socket.IO closes the connection on any frame over 16 KiB. */
  messageMax: 12 * 1024,
  /** The whole stored document (state plus uncompacted updates). 5,000 items fit with room to spare. */
  documentMax: 8 * 1024 * 1024,
  balancesPerOwner: 20,
  openSuggestionsPerPerson: 20,
} as const;
