/**
 * Failed attempts per key (an address, a group) in a fixed window. Once a key reaches the limit every
 * attempt is refused until the window ends, right guesses included: guessing must gain nothing.
 * In memory, per node: with codes of 8 characters out of 31 that live five minutes, that is plenty.
 */
export class GuessLimit {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  blocked(key: string): boolean {
    const entry = this.current(key);
    return entry !== undefined && entry.count >= this.limit;
  }

  fail(key: string): void {
    const entry = this.current(key) ?? { count: 0, since: this.now() };
    entry.count += 1;
    this.failures.set(key, entry);
    // Bounded memory: an address sweep must not grow the map without end.
    if (this.failures.size > 10_000)
      for (const k of this.failures.keys()) if (!this.current(k)) this.failures.delete(k);
  }

  private current(key: string) {
    const entry = this.failures.get(key);
    if (entry && this.now() - entry.since >= this.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
