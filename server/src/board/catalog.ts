import type { BalanceSummary } from '@circle/shared';
import type { Store } from '../store/index.js';
import { boardKeys } from './keys.js';

type Index = Record<string, BalanceSummary>;

/**
 * The balances of each group (one small document per group), cached in memory like the room itself.
 * Changes run one at a time per group and are written before the cache changes.
 */
export class Catalog {
  private readonly cache = new Map<string, Promise<Index>>();
  /** The same indexes once loaded, for synchronous checks (visibility on every broadcast). */
  private readonly loaded = new Map<string, Index>();
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Store) {}

  async all(groupId: string): Promise<BalanceSummary[]> {
    return Object.values(await this.index(groupId));
  }

  async get(groupId: string, id: string): Promise<BalanceSummary | null> {
    return (await this.index(groupId))[id] ?? null;
  }

  /** The current entry if the group's index is loaded (it always is once a balance has been used). */
  peek(groupId: string, id: string): BalanceSummary | null {
    return this.loaded.get(groupId)?.[id] ?? null;
  }

  /** Read-modify-write of the group's index; `fn` returns the new index (or null to change nothing). */
  mutate<T>(groupId: string, fn: (index: Index) => { next: Index | null; result: T }): Promise<T> {
    const run = async () => {
      const { next, result } = fn({ ...(await this.index(groupId)) });
      if (next) {
        await this.store.put(boardKeys.index(groupId), next);
        this.cache.set(groupId, Promise.resolve(next));
        this.loaded.set(groupId, next);
      }
      return result;
    };
    const p = (this.chains.get(groupId) ?? Promise.resolve()).then(run);
    this.chains.set(
      groupId,
      p.catch(() => undefined),
    );
    return p;
  }

  /** Drops the cached index (the meeting ended; the group may be deleted from the store next). */
  forget(groupId: string): void {
    this.cache.delete(groupId);
    this.loaded.delete(groupId);
  }

  private index(groupId: string): Promise<Index> {
    let p = this.cache.get(groupId);
    if (!p) {
      p = this.store.get<Index>(boardKeys.index(groupId)).then((v) => {
        const index = v ?? {};
        this.loaded.set(groupId, index);
        return index;
      });
      this.cache.set(groupId, p);
      // A failed read must not stick.
      p.catch(() => this.cache.delete(groupId));
    }
    return p;
  }
}
