import type { BuddyPair, LobbyEntry } from '@circle/shared';

/** One card of the facilitators' lobby: one person, or a pair who came together (admitted at once). */
export interface LobbyCard {
  people: LobbyEntry[];
  /** A waiting newcomer's companion who is already inside (they will sit next to them). */
  companionInside: string | null;
}

/**
 * The lobby as cards, in order of arrival: a pair waiting together is one card at the place of the first
 * of them to arrive; a newcomer whose companion is inside says so.
 */
export function lobbyCards(waiting: readonly LobbyEntry[], pairs: readonly BuddyPair[]): LobbyCard[] {
  const byPid = new Map(waiting.map((e) => [e.pid, e]));
  const placed = new Set<string>();
  const cards: LobbyCard[] = [];
  for (const entry of waiting) {
    if (placed.has(entry.pid)) continue;
    const together = pairs
      .filter((p) => p.companion === entry.pid || p.newcomer === entry.pid)
      .map((p) => (p.companion === entry.pid ? p.newcomer : p.companion));
    const alsoWaiting = together.flatMap((pid) => byPid.get(pid) ?? []).filter((e) => !placed.has(e.pid));
    const people = [entry, ...alsoWaiting];
    for (const p of people) placed.add(p.pid);
    const inside = pairs.find((p) => p.newcomer === entry.pid && !byPid.has(p.companion));
    cards.push({ people, companionInside: inside?.companion ?? null });
  }
  return cards;
}
