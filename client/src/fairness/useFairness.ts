import type { FairnessView } from '@circle/shared';
import { call } from '../socket';
import { useServerState } from '../room/useServerState';

/** Facilitators only: talk-time shares and alerts, pushed by the server while people talk. */
export function useFairness(): FairnessView | null {
  const [view] = useServerState<FairnessView | null>(null, {
    fetch: (socket) => call(socket, 'fairness:view', {}),
    on: { 'fairness:state': (v, { set }) => set(v) },
  });
  return view;
}
