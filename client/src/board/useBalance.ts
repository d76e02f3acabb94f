import { useMemo, useSyncExternalStore } from 'react';
import { readModel } from '@circle/shared';
import type { BalanceSync } from './BalanceSync';

/** Re-renders on every change to the balance (local, remote, status, awareness) and reads its model. */
export function useBalance(sync: BalanceSync) {
  const version = useSyncExternalStore(
    (fn) => sync.subscribe(fn),
    () => sync.version,
  );
  // The model only changes when the version does; reading it is O(items).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const model = useMemo(() => readModel(sync.replica.doc), [sync, version]);
  const editors = useMemo(() => sync.editors(), [sync, version]); // eslint-disable-line react-hooks/exhaustive-deps
  return { model, editors, version };
}
