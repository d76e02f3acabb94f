import { AppError } from '../errors.js';
import { defineDomain } from '../domain.js';
import type { Room } from '../room/Room.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';
import { MeetingKeys } from './keys.js';

/**
 * End-to-end encryption's keys: the server keeps public keys, chooses the key holder and relays each
 * wrapped key to its one recipient, who must be admitted at that moment. It never sees a key in the clear.
 */
export const e2eeDomain = ({ io, now }: { io: CircleServer; now: () => number }) => {
  const meetings = new WeakMap<Room, MeetingKeys>();
  const keysOf = (room: Room) => {
    const keys = meetings.get(room);
    if (!keys) throw new AppError('UNAVAILABLE');
    return keys;
  };
  return defineDomain({
    name: 'e2ee',
    attach(room) {
      const keys = new MeetingKeys(room, io, now());
      meetings.set(room, keys);
      room.onChange((next) => keys.follow(next));
      room.onEnd(() => void meetings.delete(room));
      // Loaded after a restart or taken over from another node: browsers still connected publish again.
      keys.announce();
    },
    handlers: {
      'e2ee:publish': async ({ room, pid }, p) => {
        const keys = keysOf(room);
        keys.publish(pid, p.key, p.have);
        return keys.state();
      },

      // No await between the checks and the relay: no change of the room can come in between.
      'e2ee:wrap': async ({ room, pid }, p) => {
        const keys = keysOf(room);
        // Epochs are public (e2ee:state): one that is not the epoch asked for is stale whoever sends it.
        if (p.epoch !== keys.currentEpoch) throw new AppError('STALE');
        if (!keys.isHolder(pid)) throw new AppError('FORBIDDEN');
        const to = new Set(p.wraps.map((w) => w.to));
        if (to.size !== p.wraps.length || to.has(pid)) throw new AppError('BAD_REQUEST');
        // Each recipient is admitted now and has a key: anyone else gets nothing, not even part of a batch.
        for (const w of p.wraps)
          if (!room.participant(w.to)?.admitted || !keys.keyOf(w.to)) throw new AppError('NOT_FOUND');
        const fromKey = keys.keyOf(pid)!;
        for (const w of p.wraps)
          io.to(room.ch.person(w.to)).emit('e2ee:key', {
            epoch: p.epoch,
            from: pid,
            fromKey,
            iv: w.iv,
            key: w.key,
          });
        return null;
      },
    } satisfies HandlerTable,
  });
};
