import type { FacilitatorView } from '@circle/shared';
import { ACTION_LOG_KEPT } from '@circle/shared';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';

const EMPTY: FacilitatorView = { support: [], sideRooms: [], log: [], absences: [], proofAsks: [] };

/** Facilitators only: support requests, side rooms, absence notices and the shared action log. */
export function useFacilitatorView(): FacilitatorView {
  const { facilitator } = useRoomContext();
  const [view] = useServerState<FacilitatorView>(EMPTY, {
    enabled: facilitator,
    fetch: (socket) => call(socket, 'moderation:view', {}),
    on: {
      'moderation:state': (v, { set }) => set(v),
      'moderation:logged': (entry, { set }) =>
        set((v) =>
          v.log.some((e) => e.id === entry.id) ? v : { ...v, log: [...v.log, entry].slice(-ACTION_LOG_KEPT) },
        ),
    },
  });
  return view;
}
