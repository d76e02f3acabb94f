import { useEffect, useRef } from 'react';

/**
 * "Tap a seat to act on that person": the seat (in the circle) and the console (beside it) are far apart
 * in the tree, so a tapped seat is announced here and the console, listening, picks that person.
 */
type Listener = (pid: string) => void;
const listeners = new Set<Listener>();

export function actOn(pid: string) {
  for (const listener of listeners) listener(pid);
}

/** Calls `listener` with each person tapped while the component is mounted. */
export function useActOn(listener: Listener) {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const call: Listener = (pid) => latest.current(pid);
    listeners.add(call);
    return () => {
      listeners.delete(call);
    };
  }, []);
}
