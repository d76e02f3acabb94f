import type { BalanceSnapshot } from '@circle/shared';
import type { Store } from '../store/index.js';
import { boardKeys } from './keys.js';

/** The compacted document: one encoded state plus who wrote with which Yjs client id. */
interface StateDoc {
  gen: number;
  state: string | null;
  clients: Record<string, string>;
}

/** One accepted update, as appended before it was acknowledged. */
interface LogEntry {
  u: string;
  by: string;
}

export interface LoadedBalance {
  gen: number;
  state: Uint8Array | null;
  clients: Record<string, string>;
  entries: { update: Uint8Array; by: string }[];
  /** Entries in the current log (compaction counts from here). */
  logLength: number;
  /** Approximate stored size, for the document cap. */
  bytes: number;
}

const encode = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');
const decode = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** Reads and writes one balance's Yjs history in the Store (SQLite or Redis alike). */
export class BalancePersistence {
  constructor(
    private readonly store: Store,
    private readonly groupId: string,
    private readonly balanceId: string,
  ) {}

  async load(): Promise<LoadedBalance> {
    const doc = await this.store.get<StateDoc>(boardKeys.state(this.groupId, this.balanceId));
    const gen = doc?.gen ?? 0;
    const entries = await this.store.read<LogEntry>(this.log(gen));
    const state = doc?.state ? decode(doc.state) : null;
    const logged = entries.map((e) => ({ update: decode(e.u), by: e.by }));
    const bytes = logged.reduce((n, e) => n + e.update.byteLength, state?.byteLength ?? 0);
    // A compaction killed between writing the new state and dropping the old log leaves that log behind.
    if (gen > 0) await this.store.deletePrefix(this.log(gen - 1));
    return { gen, state, clients: doc?.clients ?? {}, entries: logged, logLength: entries.length, bytes };
  }

  /** Resolves once the update is durable; only then may it be acknowledged or broadcast. */
  append(gen: number, update: Uint8Array, by: string): Promise<void> {
    return this.store.append(this.log(gen), { u: encode(update), by } satisfies LogEntry);
  }

  /**
   * Replaces the log with one state: the new generation's state document is written first, so a crash at
   * any point leaves either the old state + old log or the new state (+ an empty new log).
   */
  async compact(nextGen: number, state: Uint8Array, clients: Record<string, string>): Promise<void> {
    const doc: StateDoc = { gen: nextGen, state: encode(state), clients };
    await this.store.put(boardKeys.state(this.groupId, this.balanceId), doc);
    await this.store.deletePrefix(this.log(nextGen - 1));
  }

  /** Kept at each meeting's end: the whole history in a log, the latest also as a document for quick reads. */
  async snapshot(s: BalanceSnapshot): Promise<void> {
    await this.store.append(boardKeys.snapshots(this.groupId, this.balanceId), s);
    await this.store.put(boardKeys.lastSnapshot(this.groupId, this.balanceId), s);
    await this.snapshotted();
  }

  /**
   * Whether changes were accepted since the last snapshot: the meeting's end snapshots only those balances,
   * without loading the others. Marked before the first such change is appended, so a crash in between
   * costs at most one snapshot identical to the last (which the caller skips).
   */
  async changedSinceSnapshot(): Promise<boolean> {
    return (await this.store.get(boardKeys.changed(this.groupId, this.balanceId))) !== null;
  }

  markChanged(): Promise<void> {
    return this.store.put(boardKeys.changed(this.groupId, this.balanceId), true);
  }

  /** The last snapshot holds every accepted change. */
  snapshotted(): Promise<void> {
    return this.store.del(boardKeys.changed(this.groupId, this.balanceId));
  }

  /**
   * Retention: snapshots taken before `cutoff` go, the latest one too if it is that old (the owner then
   * sees no "since the last meeting", and the next meeting's end takes a new one). True if any went.
   */
  async pruneSnapshots(cutoff: number): Promise<boolean> {
    let pruned = false;
    await this.store.rewriteLog<BalanceSnapshot>(boardKeys.snapshots(this.groupId, this.balanceId), (all) => {
      const kept = all.filter((s) => s.at >= cutoff);
      pruned = kept.length !== all.length;
      return kept;
    });
    const last = await this.lastSnapshot();
    if (last && last.at < cutoff) {
      await this.store.del(boardKeys.lastSnapshot(this.groupId, this.balanceId));
      pruned = true;
    }
    return pruned;
  }

  lastSnapshot(): Promise<BalanceSnapshot | null> {
    return this.store.get<BalanceSnapshot>(boardKeys.lastSnapshot(this.groupId, this.balanceId));
  }

  remove(): Promise<void> {
    return this.store.deletePrefix(boardKeys.balance(this.groupId, this.balanceId));
  }

  private log(gen: number) {
    return boardKeys.log(this.groupId, this.balanceId, gen);
  }
}
