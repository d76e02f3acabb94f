import { useEffect, useState } from 'react';
import type { Presence, SideRoom } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import type { E2ee } from './mediaKey';

/**
 * The other person of the side room this person is in, or null in the circle. A side room is known to
 * its two people only (never in the room view); the server routes their media to each other alone, and
 * both seal it with their pair's own key. Like the control bar, it counts while this person is away from
 * the circle: a side room that has just ended (presence back) is the circle again.
 */
export function sideRoomPartner(
  side: SideRoom | null,
  me: string,
  presence: Presence | undefined,
): string | null {
  if (!side || presence !== 'away') return null;
  if (side.pid === me) return side.facilitator;
  if (side.facilitator === me) return side.pid;
  return null;
}

/**
 * Tells the page (which runs the media, outside the room's context) who this person's side room partner
 * is, and null again when the side room ends or the room screen goes.
 */
export function useSidePartner(side: SideRoom | null, onPartner: (pid: string | null) => void): void {
  const { me, view } = useRoomContext();
  const partner = sideRoomPartner(side, me.pid, view.floor.presence[me.pid]);
  useEffect(() => {
    onPartner(partner);
    return () => onPartner(null);
  }, [partner, onPartner]);
}

/**
 * The pair's key for useMedia while in a side room (null otherwise, or while the partner has no public
 * key). Made again with each epoch: a partner who reloaded their page has a new key pair, and a rekey.
 */
export function usePairKey(
  e2ee: Pick<E2ee, 'enabled' | 'pairKey'>,
  peer: string | null,
  epoch: number | undefined,
): { peer: string; key: CryptoKey } | null {
  const [pair, setPair] = useState<{ peer: string; key: CryptoKey } | null>(null);
  const { enabled, pairKey } = e2ee;
  useEffect(() => {
    if (!enabled || !peer) return setPair(null);
    let stale = false;
    void pairKey(peer).then(
      (key) => !stale && setPair(key ? { peer, key } : null),
      () => !stale && setPair(null),
    );
    return () => void (stale = true);
  }, [enabled, pairKey, peer, epoch]);
  return pair;
}
