import { useState } from 'react';
import type { FairnessView } from '@circle/shared';
import { call } from '../socket';
import { useAdmittedSocket } from '../room/useAdmittedSocket';
import type { Room } from '../room/useRoom';

/** Facilitators only: talk-time shares and alerts, pushed by the server while people talk. */
export function useFairness(room: Room): FairnessView | null {
  const [view, setView] = useState<FairnessView | null>(null);
  useAdmittedSocket(room, (socket) => {
    let live = true;
    socket.on('fairness:state', setView);
    call(socket, 'fairness:view', {}).then(
      (v) => live && setView(v),
      () => undefined,
    );
    return () => {
      live = false;
      socket.off('fairness:state', setView);
    };
  });
  return view;
}
