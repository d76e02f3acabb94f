import { useCallback, useEffect, useRef, useState } from 'react';
import type { BalanceSummary } from '@circle/shared';
import { errorCodeOf } from '../errors';
import { call } from '../socket';
import type { Room } from '../room/useRoom';
import { useRoomContext } from '../room/RoomContext';
import { useAdmittedSocket, useServerState } from '../room/useServerState';
import { BalanceSync } from './BalanceSync';

interface Listed {
  balances: BalanceSummary[];
  spotlight: string | null;
}
const NOTHING: Listed = { balances: [], spotlight: null };

const selectedKey = (groupId: string) => `circle.board.${groupId}`;
const remembered = (groupId: string) => {
  try {
    return window.localStorage.getItem(selectedKey(groupId));
  } catch {
    return null;
  }
};
const remember = (groupId: string, id: string | null) => {
  try {
    if (id) window.localStorage.setItem(selectedKey(groupId), id);
    else window.localStorage.removeItem(selectedKey(groupId));
  } catch {
    // Private mode: the page just won't reopen the same balance after a reload.
  }
};

/**
 * The balances this person may see, the one they have open, and the spotlight. Follows every admitted
 * (re)join: the list is fetched again and every open balance re-syncs, sending what was edited offline.
 */
export function useBoards() {
  const { room, view } = useRoomContext();
  const { groupId } = view;
  const { socketRef, phase } = room;
  const [listed, setListed] = useServerState<Listed>(NOTHING, {
    fetch: (socket) => call(socket, 'board:list', {}),
    on: {
      'board:changed': (_, { refetch }) => refetch(),
      'board:spotlight': (spotlight, { set }) => set((l) => ({ ...l, spotlight })),
    },
  });
  const { balances: list, spotlight } = listed;
  const setList = useCallback(
    (next: (l: BalanceSummary[]) => BalanceSummary[]) =>
      setListed((l) => ({ ...l, balances: next(l.balances) })),
    [setListed],
  );
  const [selected, setSelected] = useState<string | null>(() => remembered(groupId));
  // A refusal, worded where it is shown: the cap on one's own balances, or the call's error.
  const [error, setError] = useState<{ limit: true } | { err: unknown } | null>(null);
  const syncs = useRef(new Map<string, BalanceSync>());

  // Every open copy re-syncs on the new connection, sending what was edited offline.
  useAdmittedSocket((socket) => {
    const map = syncs.current;
    for (const s of map.values()) s.attach(socket);
    return () => {
      for (const s of map.values()) s.detach();
    };
  });

  const [open, setOpen] = useState<Record<string, BalanceSync>>({});
  // Live copies for the selected balance and the spotlight; any other is closed unless changes still wait.
  useEffect(() => {
    const wanted = [selected, spotlight].filter((x): x is string => !!x);
    let changed = false;
    for (const id of wanted)
      if (!syncs.current.has(id)) {
        const s = new BalanceSync(id);
        syncs.current.set(id, s);
        const socket = socketRef.current;
        if (socket?.connected && phase === 'admitted') s.attach(socket);
        changed = true;
      }
    for (const [id, s] of syncs.current)
      if (!wanted.includes(id) && s.replica.pending === 0) {
        s.close();
        syncs.current.delete(id);
        changed = true;
      }
    if (changed) setOpen(Object.fromEntries(syncs.current));
  }, [selected, spotlight, socketRef, phase]);

  useEffect(
    () => () => {
      for (const s of syncs.current.values()) s.close();
      syncs.current.clear();
    },
    [],
  );

  const select = useCallback(
    (id: string | null) => {
      setSelected(id);
      remember(groupId, id);
    },
    [groupId],
  );

  /** Sends a board action; a refusal is shown rather than thrown. Resolves with the result, or undefined. */
  const run = useCallback(
    async <T>(
      fn: (socket: NonNullable<Room['socketRef']['current']>) => Promise<T>,
    ): Promise<T | undefined> => {
      const socket = socketRef.current;
      if (!socket) return undefined;
      try {
        const r = await fn(socket);
        setError(null);
        return r;
      } catch (err) {
        // The only cap these actions can reach is the number of one's own balances.
        setError(errorCodeOf(err) === 'LIMIT' ? { limit: true } : { err });
        return undefined;
      }
    },
    [socketRef],
  );

  const create = useCallback(
    async (title: string) => {
      const b = await run((s) => call(s, 'board:create', { title }));
      if (b) {
        setList((l) => (l.some((x) => x.id === b.id) ? l : [...l, b]));
        select(b.id);
      }
      return b !== undefined;
    },
    [run, select, setList],
  );

  return {
    list,
    spotlight,
    selected,
    error,
    select,
    sync: (id: string | null): BalanceSync | null => (id ? (open[id] ?? null) : null),
    create,
    dismissError: () => setError(null),
    // Shown at once (a checkbox must follow the click); put back from the server's answer if refused.
    share: async (id: string, shared: boolean) => {
      const before = list;
      setList((l) => l.map((b) => (b.id === id ? { ...b, shared } : b)));
      const updated = await run((s) => call(s, 'board:share', { id, shared }));
      setList((l) => (updated ? l.map((b) => (b.id === id ? updated : b)) : before));
    },
    rename: (id: string, title: string) => run((s) => call(s, 'board:rename', { id, title })),
    remove: async (id: string) => {
      if ((await run((s) => call(s, 'board:delete', { id }))) !== undefined && selected === id) select(null);
    },
    setSpotlight: (id: string | null) => run((s) => call(s, 'board:spotlight', { id })),
  };
}

export type Boards = ReturnType<typeof useBoards>;
