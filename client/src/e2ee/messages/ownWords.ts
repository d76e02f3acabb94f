import { useSyncExternalStore } from 'react';

/**
 * The words of this tab's own sealed private words, by the iv of their ciphertext: a private word's key
 * is wrapped for its readers, never for its writer, so the writer's screen shows them from here. Memory
 * only: a reload forgets them, as it forgets the keys.
 */
const words = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

export function rememberOwnWord(iv: string, text: string): void {
  words.set(iv, text);
  version++;
  for (const l of listeners) l();
}

export function ownWord(iv: string): string | undefined {
  return words.get(iv);
}

/** Re-renders when one of this tab's own words is remembered. */
export function useOwnWords(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}
