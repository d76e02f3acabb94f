import type { RoomRecord } from '../room/records.js';

/**
 * Buddies are let in together and sit side by side. Pure functions over the room record: membership calls
 * them inside its change, so the pair moves in the same step as the admission.
 */

type Rec = Pick<Readonly<RoomRecord>, 'participants'>;

/**
 * The people one admission lets in: those asked for, and whoever waits in the lobby as their buddy (the
 * newcomer's companion, or the newcomers a member brought).
 */
export function withCompanions(rec: Rec, asked: readonly string[]): string[] {
  const out = new Set(asked);
  for (const pid of asked) {
    const p = rec.participants[pid];
    const companion = p?.buddyOf ? rec.participants[p.buddyOf] : undefined;
    if (companion && !companion.admitted) out.add(companion.pid);
    for (const other of Object.values(rec.participants))
      if (other.buddyOf === pid && !other.admitted) out.add(other.pid);
  }
  return [...out];
}

/**
 * The seats with each newcomer right after their companion, moving only those who just sat down (`moved`):
 * a newcomer who just came in sits down next to their companion; a companion who comes in after their
 * newcomer sits down just before them. Everyone else keeps their place. Null when nothing moves.
 */
export function seatsWithPairsTogether(
  rec: Rec,
  seats: readonly string[],
  moved: readonly string[],
): string[] | null {
  let order = [...seats];
  const place = (mover: string, anchor: string, after: boolean) => {
    order = order.filter((s) => s !== mover);
    const at = order.indexOf(anchor);
    order.splice(after ? at + 1 : at, 0, mover);
  };
  for (const p of Object.values(rec.participants)) {
    const companion = p.buddyOf;
    if (!companion || !order.includes(p.pid) || !order.includes(companion)) continue;
    if (moved.includes(p.pid)) place(p.pid, companion, true);
    else if (moved.includes(companion)) place(companion, p.pid, false);
  }
  return order.every((s, i) => s === seats[i]) ? null : order;
}
