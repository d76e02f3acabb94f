import type { Sealed } from '@circle/shared';
import { AppError } from '../errors.js';
import type { Room } from '../room/Room.js';

/**
 * Whether the group's meetings are end-to-end encrypted: then words travel only sealed, and the server
 * relays what it cannot read. A group without the setting meets in clear.
 */
export const encryptedRoom = (room: Room): boolean =>
  (room.group.settings as { e2ee?: boolean }).e2ee === true;

/**
 * The words of a command in the one form the group takes, else BAD_REQUEST: a browser that sends clear
 * text to an encrypted group (an old client, or a forged one) is refused, never relayed.
 */
export function wordsFor<S extends Sealed | Record<string, Sealed>>(
  room: Room,
  p: { text?: string; sealed?: S },
): { text: string; sealed?: undefined } | { sealed: S; text?: undefined } {
  if (encryptedRoom(room)) {
    if (p.sealed === undefined || p.text !== undefined) throw new AppError('BAD_REQUEST');
    return { sealed: p.sealed };
  }
  if (p.text === undefined || p.sealed !== undefined) throw new AppError('BAD_REQUEST');
  return { text: p.text };
}
