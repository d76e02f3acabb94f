import type { MediaSource } from '@circle/shared';
import { isListener } from '../room/places.js';
import type { RoomRecord } from '../room/records.js';
import type { Room } from '../room/Room.js';
import type { MediaService } from './service.js';

/**
 * Listeners receive, like observers; a listener holding the word may be heard, through the microphone
 * only (no camera, no screen: hundreds listen, the circle's pictures stay the seated people's).
 */
export function mayProduce(rec: Readonly<RoomRecord>, pid: string, source: MediaSource): boolean {
  if (!isListener(rec, pid)) return true;
  return source === 'mic' && rec.floor.holder?.pid === pid;
}

/**
 * When the word leaves a listener, what they were sending closes here on the server, whatever their
 * browser does: after each change of a room with listeners, any listener's producer that the rules no
 * longer allow is closed (a later word needs a new producer, which `mayProduce` checks again).
 */
export function silenceListeners(media: MediaService, room: Room) {
  room.onChange((next) => {
    if (!Object.values(next.participants).some((p) => p.listener)) return;
    void media
      .existing(room.id)
      ?.then((m) =>
        m.run(async () => {
          const rec = room.record;
          for (const t of m.view().tracks)
            if (!mayProduce(rec, t.pid, t.source)) await m.closeSource(t.pid, t.source);
        }),
      )
      .catch(() => undefined);
  });
}
