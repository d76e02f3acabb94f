import { useCallback, useEffect, useMemo, useState } from 'react';
import type { E2eeServerEvents, InviteInfo } from '@circle/shared';
import type { Room } from '../room/useRoom';
import { call } from '../socket';
import type { E2ee } from './mediaKey';
import { MediaKeyStore } from './mediaKey';
import { canEncryptMedia } from './keys/capability';
import { KeyManager, type KeyTransport, type Verification } from './keys/KeyManager';

declare global {
  interface Window {
    /** Which epochs this browser holds (numbers only, never a key), read by the end-to-end tests. */
    __circleE2ee?: { current: () => number | null; holds: (epoch: number) => boolean; code: () => string };
  }
}

/** What the room offers beyond the contract: the code to compare, and whether this browser gets media. */
export interface RoomE2ee extends E2ee {
  verification: Verification | null;
  /** This browser can encrypt media frames (encoded transforms). */
  canEncrypt: boolean;
  /** An encrypted group and a browser that cannot encrypt: no audio or video here (the server agrees). */
  mediaBlocked: boolean;
}

/** Keys are never made or kept before the first admitted join. */
const idle = new MediaKeyStore();

/**
 * This browser's part in the meeting's end-to-end encryption: one key pair per meeting (per page), its
 * public key published after every admitted join, media keys received (or made, as key holder) into a
 * MediaKeyStore, all of them forgotten when sent to the lobby or out of the meeting.
 */
export function useE2ee(room: Room, invite: InviteInfo): RoomE2ee {
  const pid = room.me?.pid;
  const socket = room.socketRef.current;
  const [manager, setManager] = useState<KeyManager | null>(null);
  const [enabled, setEnabled] = useState(invite.e2ee !== undefined);
  const [verification, setVerification] = useState<Verification | null>(null);
  const canEncrypt = useMemo(canEncryptMedia, []);

  useEffect(() => {
    if (!pid) return;
    let stopped = false;
    const transport: KeyTransport = {
      publish: (key, have) => send((s) => call(s, 'e2ee:publish', { key, have })),
      wrap: (epoch, wraps) => send((s) => call(s, 'e2ee:wrap', { epoch, wraps })).then(() => undefined),
    };
    const send = <T>(fn: (s: NonNullable<typeof socket>) => Promise<T>) => {
      const s = room.socketRef.current;
      return s ? fn(s) : Promise.reject(new Error('no connection'));
    };
    let made: KeyManager | null = null;
    void KeyManager.create(pid, transport).then((m) => {
      if (stopped) return;
      made = m;
      m.onCode(setVerification);
      setManager(m);
    });
    return () => {
      stopped = true;
      made?.clear();
      setManager(null);
    };
    // The socket is read when sending: a reconnect keeps the same key pair.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pid]);

  useEffect(() => {
    if (!manager || !socket) return;
    const onState: E2eeServerEvents['e2ee:state'] = (s) => {
      manager.state(s);
      setEnabled(s.enabled);
    };
    const onPeer: E2eeServerEvents['e2ee:peer'] = (p) => manager.peer(p);
    const onRekey: E2eeServerEvents['e2ee:rekey'] = (order) =>
      // A refused wrap (someone left meanwhile, a newer epoch) is followed by a new order.
      void manager.rekey(order).catch(() => undefined);
    const onKey: E2eeServerEvents['e2ee:key'] = (w) => void manager.receive(w);
    socket.on('e2ee:state', onState);
    socket.on('e2ee:peer', onPeer);
    socket.on('e2ee:rekey', onRekey);
    socket.on('e2ee:key', onKey);
    return () => {
      socket.off('e2ee:state', onState);
      socket.off('e2ee:peer', onPeer);
      socket.off('e2ee:rekey', onRekey);
      socket.off('e2ee:key', onKey);
    };
  }, [manager, socket]);

  const admitted = room.phase === 'admitted';
  useEffect(() => {
    if (!manager) return;
    // Out of the room (the lobby, removed, left): no key of this meeting stays in this browser.
    if (!admitted) return manager.clear();
    void manager.join().then(
      () => setEnabled(manager.enabled),
      () => undefined,
    );
  }, [manager, admitted, room.epoch]);

  useEffect(() => {
    if (!manager) return;
    window.__circleE2ee = {
      current: () => manager.keys.current?.epoch ?? null,
      holds: (epoch) => manager.keys.get(epoch) !== undefined,
      code: () => manager.code?.code.join('') ?? '',
    };
    return () => void (window.__circleE2ee = undefined);
  }, [manager]);

  const pairKey = useCallback((other: string) => manager?.pairKey(other) ?? Promise.resolve(null), [manager]);
  return {
    enabled,
    keys: manager?.keys ?? idle,
    pairKey,
    verification,
    canEncrypt,
    mediaBlocked: enabled && !canEncrypt,
  };
}
