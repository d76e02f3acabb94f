import { useEffect, useRef, useState } from 'react';
import type { MediaKeyStore } from '../mediaKey';
import type { Opened } from './words';

/** Why a sealed message shows no words: no key for its epoch here (sent before one joined), or it does not open. */
export type Unread = 'no-key' | 'unreadable';

/**
 * Opens sealed items as they come, each once, keyed by `idOf`. Those this browser had no key for are
 * tried again whenever a new key arrives (a message can overtake the key it was sealed with).
 * `open` returns null for an item that is not sealed.
 */
export function useOpened<T>(
  items: T[],
  idOf: (item: T) => string,
  open: (item: T) => Promise<Opened> | null,
  keys: MediaKeyStore | null,
): Map<string, Opened> {
  const [opened, setOpened] = useState<Map<string, Opened>>(() => new Map());
  const [keyEpoch, setKeyEpoch] = useState(() => keys?.current?.epoch ?? null);
  const latest = useRef({ idOf, open, opened });
  useEffect(() => {
    latest.current = { idOf, open, opened };
  });
  useEffect(() => keys?.subscribe((k) => setKeyEpoch(k?.epoch ?? null)), [keys]);

  useEffect(() => {
    let stopped = false;
    for (const item of items) {
      const id = latest.current.idOf(item);
      const was = latest.current.opened.get(id);
      if (was && (was.ok || was.reason === 'unreadable')) continue;
      const pending = latest.current.open(item);
      if (!pending) continue;
      void pending.then((result) => {
        if (stopped) return;
        setOpened((m) => {
          const now = m.get(id);
          if (now && JSON.stringify(now) === JSON.stringify(result)) return m;
          return new Map(m).set(id, result);
        });
      });
    }
    return () => {
      stopped = true;
    };
    // Results are read through `latest`: a result coming in must not open everything again.
  }, [items, keyEpoch]);
  return opened;
}
