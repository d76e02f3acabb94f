import type { FairnessView } from '@circle/shared';

/** Someone holds more than this many times their fair share of the talk time… */
export const OVER_SHARE_FACTOR = 2;
/** …once there has been enough talk for shares to mean something. */
export const MIN_TOTAL_TALK_MS = 60_000;
/** Out-of-turn speech counts as one stretch while the gaps between samples stay under this. */
export const OUT_OF_TURN_GAP_MS = 2_000;
/** A cough is not speaking out of turn: the stretch must last this long. */
export const OUT_OF_TURN_MIN_MS = 1_000;
/** How long an out-of-turn alert stays up after the person stopped. */
export const OUT_OF_TURN_SHOWN_MS = 30_000;

export interface OutOfTurn {
  streakMs: number;
  lastAt: number;
  /** The last time a stretch was long enough to alert about, or null. */
  alertedAt: number | null;
}

/** Adds `ms` of speech heard at `now` from someone not holding the word (strict circle). */
export function noteOutOfTurn(prev: OutOfTurn | undefined, ms: number, now: number): OutOfTurn {
  const continues = prev !== undefined && now - prev.lastAt <= OUT_OF_TURN_GAP_MS;
  const streakMs = (continues ? prev.streakMs : 0) + ms;
  return {
    streakMs,
    lastAt: now,
    alertedAt: streakMs >= OUT_OF_TURN_MIN_MS ? now : (prev?.alertedAt ?? null),
  };
}

export function fairnessView(input: {
  talkMs: ReadonlyMap<string, number>;
  /** Everyone in the circle now, in seat order. */
  seated: string[];
  /** Only members are alerted about: facilitators speak to run the meeting. */
  members: ReadonlySet<string>;
  outOfTurn: ReadonlyMap<string, OutOfTurn>;
  now: number;
}): FairnessView {
  const { talkMs, seated, members, outOfTurn, now } = input;
  const talk = seated.map((pid) => ({ pid, ms: talkMs.get(pid) ?? 0 }));
  const totalMs = talk.reduce((sum, t) => sum + t.ms, 0);
  const fair = seated.length ? totalMs / seated.length : 0;
  const overShare =
    totalMs >= MIN_TOTAL_TALK_MS
      ? talk.filter((t) => members.has(t.pid) && t.ms > OVER_SHARE_FACTOR * fair).map((t) => t.pid)
      : [];
  const recent = [...outOfTurn.entries()]
    .filter(
      ([pid, o]) => o.alertedAt !== null && now - o.alertedAt <= OUT_OF_TURN_SHOWN_MS && members.has(pid),
    )
    .map(([pid, o]) => ({ pid, at: o.alertedAt! }))
    .sort((a, b) => b.at - a.at);
  return {
    talk: talk.map((t) => ({ ...t, share: totalMs ? t.ms / totalMs : 0 })),
    totalMs,
    overShare,
    outOfTurn: recent,
  };
}
