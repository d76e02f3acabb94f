/** A token bucket: `perSec` events per second on average, bursts of up to twice that. */
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSec: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSec * 2;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.perSec * 2, this.tokens + ((t - this.last) / 1000) * this.perSec);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
