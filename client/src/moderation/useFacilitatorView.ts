import { useState } from 'react';
import type { FacilitatorView } from '@circle/shared';
import { call } from '../socket';
import { useAdmittedSocket } from '../room/useAdmittedSocket';
import type { Room } from '../room/useRoom';

const EMPTY: FacilitatorView = { support: [], sideRooms: [], log: [], absences: [] };

/** Facilitators only: support requests, side rooms, absence notices and the shared action log. */
export function useFacilitatorView(room: Room, facilitator: boolean): FacilitatorView {
  const [view, setView] = useState<FacilitatorView>(EMPTY);
  useAdmittedSocket(room, (socket) => {
    if (!facilitator) return;
    let live = true;
    socket.on('moderation:state', setView);
    call(socket, 'moderation:view', {}).then(
      (v) => live && setView(v),
      () => undefined,
    );
    return () => {
      live = false;
      socket.off('moderation:state', setView);
    };
  });
  return view;
}
