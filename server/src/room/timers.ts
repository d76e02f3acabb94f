import type { Clock, Timer } from '../clock.js';

/**
 * A room's timers: the floor's next wake-up (a turn warning or deadline) and each offline person's end of
 * the reconnect window. What they do is given by the room; when they fire is the injected clock's.
 */
export class RoomTimers {
  private wake: Timer | undefined;
  private readonly expiry = new Map<string, Timer>();
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly on: { wake: () => void; expire: (pid: string) => void },
  ) {}

  /** The floor asks to be woken at `at` (server time), or no more (`null`). */
  wakeAt(at: number | null) {
    this.clock.clearTimer(this.wake);
    this.wake = undefined;
    if (at === null || this.stopped) return;
    this.wake = this.clock.setTimer(() => this.on.wake(), Math.max(0, at - this.clock.now()));
  }

  /** The person's reconnect window ends at `at`, unless cancelled by their coming back first. */
  expireAt(pid: string, at: number) {
    this.cancel(pid);
    if (this.stopped) return;
    this.expiry.set(
      pid,
      this.clock.setTimer(() => this.on.expire(pid), Math.max(0, at - this.clock.now())),
    );
  }

  cancel(pid: string) {
    this.clock.clearTimer(this.expiry.get(pid));
    this.expiry.delete(pid);
  }

  stop() {
    this.stopped = true;
    this.clock.clearTimer(this.wake);
    for (const t of this.expiry.values()) this.clock.clearTimer(t);
    this.expiry.clear();
  }
}

/** Which connections (socket ids, on any node) each person has open in this meeting. */
export class Connections {
  private readonly byPerson = new Map<string, Set<string>>();

  set(pid: string, socketIds: string[]) {
    this.byPerson.set(pid, new Set(socketIds));
  }

  add(pid: string, socketId: string) {
    const set = this.byPerson.get(pid) ?? new Set<string>();
    set.add(socketId);
    this.byPerson.set(pid, set);
  }

  /** Forgets one connection; returns how many the person still has open. */
  remove(pid: string, socketId: string): number {
    const set = this.byPerson.get(pid);
    set?.delete(socketId);
    return set?.size ?? 0;
  }

  forget(pid: string) {
    this.byPerson.delete(pid);
  }

  clear() {
    this.byPerson.clear();
  }
}
