import type { BuddyCompanion } from '@circle/shared';
import { defineDomain } from '../domain.js';
import type { Room } from '../room/Room.js';
import type { RoomRecord } from '../room/records.js';
import type { HandlerTable } from '../socket/context.js';
import { buddyRoutes, type BuddyRouteDeps } from './http.js';
import { companionOf, facilitatorsOverview, firstMeetingForEveryone, overviewFor } from './projection.js';

/**
 * Come with a buddy: members make one-time invitations; the room tells each audience only its part
 * (projection.ts) — the facilitators every pair and first meeting on their own channel, the room only the
 * newcomers who said yes to everyone, and each of a pair where the other one is.
 */
export const buddyDomain = (deps: BuddyRouteDeps) =>
  defineDomain({
    name: 'buddy',
    routes: buddyRoutes(deps),
    handlers: {
      'buddy:invite': async ({ room, pid }) => deps.buddies.create(room.id, pid),
      'buddy:overview': async ({ room, pid, role }) => overviewFor(room.record, { pid, role }),
    } satisfies HandlerTable,
    attach: followBuddies,
  });

/** Sends each audience its part whenever it changed (the facilitators' also to a facilitator who came in). */
function followBuddies(room: Room) {
  let forFacilitators = '';
  let forEveryone = '';
  const companions = new Map<string, string>();
  room.onChange((next: RoomRecord, prev: RoomRecord) => {
    // Buddies live in the participants alone; equal participants are the same object (Room shares them).
    if (next.participants === prev.participants) return;
    const io = room.deps.io;
    const fac = JSON.stringify(facilitatorsOverview(next));
    const facilitatorCame = Object.values(next.participants).some(
      (p) => p.role === 'facilitator' && p.admitted && !prev.participants[p.pid]?.admitted,
    );
    if (fac !== forFacilitators || facilitatorCame)
      io.to(room.ch.facilitators).emit('buddy:facilitators', facilitatorsOverview(next));
    forFacilitators = fac;

    const all = JSON.stringify(firstMeetingForEveryone(next));
    if (all !== forEveryone) io.to(room.ch.room).emit('buddy:welcomed', firstMeetingForEveryone(next));
    forEveryone = all;

    // Each of a pair hears where the other is, on their own channel (the lobby has no other).
    // Only the people of a pair, and those who were: a room of listeners costs nothing more per change.
    const involved = new Set(companions.keys());
    for (const p of Object.values(next.participants)) if (p.buddyOf) involved.add(p.pid).add(p.buddyOf);
    for (const pid of involved) {
      const companion: BuddyCompanion | null = next.participants[pid] ? companionOf(next, pid) : null;
      const said = JSON.stringify(companion);
      if ((companions.get(pid) ?? 'null') === said) continue;
      if (next.participants[pid]) io.to(room.ch.person(pid)).emit('buddy:companion', companion);
      if (companion) companions.set(pid, said);
      else companions.delete(pid);
    }
  });
}
