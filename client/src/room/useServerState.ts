import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { ServerToClientEvents } from '@circle/shared';
import type { CircleSocket } from '../socket';
import { useRoomContext } from './RoomContext';

type ServerEvent = keyof ServerToClientEvents;
type Payload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];

export interface StateTools<T> {
  set: Dispatch<SetStateAction<T>>;
  /** Asks the server again (the event only said that something changed). */
  refetch: () => void;
}

export interface ServerStateSpec<T> {
  /** Asked on every admission (a join, a reconnect, a re-admission from the lobby) and on `refetch`. */
  fetch?: (socket: CircleSocket) => Promise<T>;
  /** How an answer meets what events brought while it was on its way; by default it replaces it. */
  merge?: (current: T, fetched: T) => T;
  /** Server events that change this state. */
  on?: { [E in ServerEvent]?: (payload: Payload<E>, tools: StateTools<T>) => void };
  /** False follows nothing (a facilitator-only view for anyone else). */
  enabled?: boolean;
}

/**
 * Runs `setup` with the room's connection each time this person is admitted (a join, a reconnect, a
 * re-admission from the lobby), and its cleanup when that ends. The low-level form of `useServerState`,
 * for what is not state (a balance's live copy attaching to the new connection).
 */
export function useAdmittedSocket(
  setup: (socket: CircleSocket) => (() => void) | void,
  /** Set up again when this changes, even without a new admission. */
  key?: unknown,
) {
  const { room } = useRoomContext();
  const latest = useRef(setup);
  useEffect(() => {
    latest.current = setup;
  });
  const { socketRef, epoch, phase } = room;
  useEffect(() => {
    const socket = socketRef.current;
    if (!socket || phase !== 'admitted') return;
    return latest.current(socket) ?? undefined;
  }, [socketRef, epoch, phase, key]);
}

/**
 * One piece of server state, the one way every domain follows the room: subscribe to its events first,
 * then catch up with `fetch`, on every admission. Anything the events bring meanwhile is kept (see
 * `merge`); an answer that arrives after a newer question, or after the connection ended, is dropped.
 */
export function useServerState<T>(
  initial: T | (() => T),
  spec: ServerStateSpec<T>,
): [T, Dispatch<SetStateAction<T>>, () => void] {
  const [state, setState] = useState<T>(initial);
  const latest = useRef(spec);
  useEffect(() => {
    latest.current = spec;
  });
  const refetchRef = useRef<() => void>(() => undefined);
  const enabled = spec.enabled ?? true;

  useAdmittedSocket((socket) => {
    if (!enabled) return;
    let live = true;
    let asked = 0;
    const refetch = () => {
      const { fetch } = latest.current;
      if (!fetch) return;
      const question = ++asked;
      fetch(socket).then(
        (fetched) => {
          if (!live || question !== asked) return;
          const { merge } = latest.current;
          setState((current) => (merge ? merge(current, fetched) : fetched));
        },
        () => undefined,
      );
    };
    const tools: StateTools<T> = { set: setState, refetch };
    const listeners = Object.keys(latest.current.on ?? {}).map((event) => {
      // Looked up at delivery, so a handler always sees this render's closures.
      const listener = (payload: unknown) => {
        const handler = latest.current.on?.[event as ServerEvent] as
          ((p: unknown, t: StateTools<T>) => void) | undefined;
        handler?.(payload, tools);
      };
      (socket as unknown as EventTarget).on(event, listener);
      return [event, listener] as const;
    });
    refetchRef.current = refetch;
    refetch();
    return () => {
      live = false;
      refetchRef.current = () => undefined;
      for (const [event, listener] of listeners) (socket as unknown as EventTarget).off(event, listener);
    };
  }, enabled);

  const refetch = useCallback(() => refetchRef.current(), []);
  return [state, setState, refetch];
}

/** Socket.IO's typed `on` cannot take an event name chosen at run time; this is its untyped shape. */
interface EventTarget {
  on(event: string, listener: (payload: unknown) => void): void;
  off(event: string, listener: (payload: unknown) => void): void;
}
