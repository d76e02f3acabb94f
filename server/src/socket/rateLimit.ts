/** A token bucket: `perSec` events per second on average, bursts of up to `burst` (twice `perSec` unless given). */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSec: number,
    private readonly now: () => number = Date.now,
    private readonly burst: number = perSec * 2,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether the bucket has refilled completely, i.e. forgetting it changes nothing. */
  full(): boolean {
    this.refill();
    return this.tokens >= this.burst;
  }

  private refill() {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSec);
    this.last = t;
  }
}

/** Above this many keys, buckets that have refilled completely are forgotten (they hold no information). */
const SWEEP_ABOVE = 10_000;

/**
 * One token bucket per key (a client address): `perSec` on average, bursts of `burst`. Memory stays bounded
 * by the number of keys active within one refill period, whatever number of addresses an attacker uses.
 */
export class KeyedRateLimiter {
  private readonly buckets = new Map<string, RateLimiter>();

  constructor(
    private readonly perSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep();
      this.buckets.set(key, (bucket = new RateLimiter(this.perSec, this.now, this.burst)));
    }
    return bucket.take();
  }

  private sweep() {
    for (const [key, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(key);
  }
}
