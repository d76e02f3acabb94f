import { groupKey } from '../groups/service.js';

/**
 * Store names for balances, all under the group's prefix so deleting a group deletes its balances.
 * Each balance keeps everything under `board:<id>:` (one deletePrefix removes it); the log name carries
 * its generation so compaction can start a fresh log and drop the old one without a "replace" primitive.
 */
export const boardKeys = {
  index: (g: string) => `${groupKey(g)}boards:index`,
  spotlight: (g: string) => `${groupKey(g)}boards:spotlight`,
  balance: (g: string, b: string) => `${groupKey(g)}board:${b}:`,
  state: (g: string, b: string) => `${groupKey(g)}board:${b}:state`,
  log: (g: string, b: string, gen: number) => `${groupKey(g)}board:${b}:log:${gen}:`,
  snapshots: (g: string, b: string) => `${groupKey(g)}board:${b}:snapshots`,
  lastSnapshot: (g: string, b: string) => `${groupKey(g)}board:${b}:last`,
  /** Present while the balance has accepted changes its last snapshot does not hold. */
  changed: (g: string, b: string) => `${groupKey(g)}board:${b}:changed`,
};
