/**
 * The meeting clock: how long the meeting has run and how much is left, with pauses taken out.
 * Pure: the server keeps the fields, every client computes the time left from the same snapshot.
 */
export interface MeetingClock {
  /** When a facilitator opened the meeting, or null before. */
  openedAt: number | null;
  /** When the current pause began, or null while running. */
  pausedAt: number | null;
  /** Time spent paused since opening, not counting the current pause. */
  pausedMs: number;
}

export const initialClock = (): MeetingClock => ({ openedAt: null, pausedAt: null, pausedMs: 0 });

export function openClock(c: MeetingClock, now: number): MeetingClock {
  if (c.openedAt !== null) return c;
  // A pause that began before opening does not count against the meeting: it starts from now.
  return { openedAt: now, pausedAt: c.pausedAt === null ? null : now, pausedMs: 0 };
}

export function pauseClock(c: MeetingClock, now: number): MeetingClock {
  return c.pausedAt !== null ? c : { ...c, pausedAt: now };
}

export function resumeClock(c: MeetingClock, now: number): MeetingClock {
  if (c.pausedAt === null) return c;
  const paused = c.openedAt === null ? 0 : Math.max(0, now - c.pausedAt);
  return { ...c, pausedAt: null, pausedMs: c.pausedMs + paused };
}

/** Meeting time used so far: zero before opening, frozen while paused. */
export function clockElapsedMs(c: MeetingClock, now: number): number {
  if (c.openedAt === null) return 0;
  const until = c.pausedAt ?? now;
  return Math.max(0, until - c.openedAt - c.pausedMs);
}

/** Time left of a meeting lasting `durationMs`; negative once it runs over. */
export function clockLeftMs(c: MeetingClock, durationMs: number, now: number): number {
  return durationMs - clockElapsedMs(c, now);
}
