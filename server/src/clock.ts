/**
 * Time as the server sees it: the current time and timers. Injected (startServer's `clock`) so tests can
 * move time forward instead of sleeping, and timers fire in the order of their deadlines.
 */
export interface Clock {
  now(): number;
  setTimer(fn: () => void, ms: number): Timer;
  clearTimer(timer: Timer | undefined): void;
}
export type Timer = { readonly id: unknown };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => ({ id: setTimeout(fn, ms) }),
  clearTimer: (t) => {
    if (t) clearTimeout(t.id as NodeJS.Timeout);
  },
};

/** A clock that moves only when told: `advance` fires every timer due by then, earliest first. */
export class ManualClock implements Clock {
  private pending: { at: number; seq: number; fn: () => void; timer: Timer }[] = [];
  private seq = 0;

  constructor(private time = Date.now()) {}

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): Timer {
    const timer: Timer = { id: ++this.seq };
    this.pending.push({ at: this.time + Math.max(0, ms), seq: this.seq, fn, timer });
    return timer;
  }

  clearTimer(timer: Timer | undefined): void {
    this.pending = this.pending.filter((p) => p.timer !== timer);
  }

  /** Moves time forward by `ms`, running each timer that falls due at its own time. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = this.pending.filter((p) => p.at <= until).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = until;
  }
}
