import { AppError } from '../errors.js';
import { defineDomain } from '../domain.js';
import type { Room } from '../room/Room.js';
import type { CircleServer, HandlerTable } from '../socket/context.js';
import { MeetingKeys } from './keys.js';

/**
 * End-to-end encryption's keys: the server keeps public keys (one per connection), chooses the key holder
 * and relays each wrapped key to its one recipient connection, whose person must be admitted at that moment. It never sees a key in the clear.
 */
export const e2eeDomain = ({ io, now }: { io: CircleServer; now: () => number }) => {
  const meetings = new WeakMap<Room, MeetingKeys>();
  /** For connections that close: socketGone names the group only. */
  const byGroup = new Map<string, MeetingKeys>();
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
      byGroup.set(room.group.id, keys);
      room.onChange((next, prev) => keys.follow(next, prev));
      room.onEnd(() => {
        meetings.delete(room);
        if (byGroup.get(room.group.id) === keys) byGroup.delete(room.group.id);
      });
      // Loaded after a restart or taken over from another node: browsers still connected publish again.
      keys.announce();
    },
    socketGone: (groupId, socketId) => byGroup.get(groupId)?.socketGone(socketId),
    handlers: {
      'e2ee:publish': async ({ room, pid, socket }, p) => {
        const keys = keysOf(room);
        keys.publish(pid, socket.id, p.key, p.have);
        return keys.state();
      },

      // No await between the checks and the relay: no change of the room can come in between.
      'e2ee:wrap': async ({ room, pid, socket }, p) => {
        const keys = keysOf(room);
        // Epochs are public (e2ee:state): one that is not the epoch asked for is stale whoever sends it.
        if (p.epoch !== keys.currentEpoch) throw new AppError('STALE');
        const holder = keys.holding(socket.id);
        if (!holder) throw new AppError('FORBIDDEN');
        const named = new Set(p.wraps.map((w) => `${w.to} ${w.device ?? ''}`));
        if (named.size !== p.wraps.length) throw new AppError('BAD_REQUEST');
        // Each recipient connection is one of an admitted person's now: anyone else gets nothing, not even
        // part of a batch. Never the holder's own connection (it made the key).
        const targets = p.wraps.map((w) => {
          const device = keys.deviceOf(w.to, w.device);
          if (device && keys.isHolderDevice(device.id)) throw new AppError('BAD_REQUEST');
          if (!room.participant(w.to)?.admitted || !device) throw new AppError('NOT_FOUND');
          return device;
        });
        if (new Set(targets.map((d) => d.id)).size !== targets.length) throw new AppError('BAD_REQUEST');
        p.wraps.forEach((w, i) =>
          io.to(targets[i]!.socket).emit('e2ee:key', {
            epoch: p.epoch,
            from: pid,
            fromKey: holder.key,
            iv: w.iv,
            key: w.key,
          }),
        );
        return null;
      },
    } satisfies HandlerTable,
  });
};
