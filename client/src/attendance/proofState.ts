import type { AttendanceProof } from '@circle/shared';
import { useSyncExternalStore } from 'react';

/**
 * This person's proof of attendance for the meeting they are in. Kept outside the room's components so the
 * closing screen (shown once the room is gone) still has it; in memory only, never in the browser's storage.
 */
export type ProofState =
  | { status: 'none' }
  | { status: 'asked' }
  | { status: 'declined' }
  | { status: 'approved'; proof: AttendanceProof };

let state: ProofState = { status: 'none' };
const listeners = new Set<() => void>();

export function setProofState(next: ProofState) {
  state = next;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export const useProofState = (): ProofState => useSyncExternalStore(subscribe, () => state);
