import type { BuddyOverview } from '@circle/shared';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';

const NONE: BuddyOverview = { pairs: [], firstMeeting: [], companion: null };

/**
 * Buddies and first meetings as this person may see them: the server sends each audience only its part
 * (facilitators: every pair and first meeting; others: their own pair and who said yes to everyone).
 */
export function useBuddies(): BuddyOverview {
  const { facilitator } = useRoomContext();
  const [overview] = useServerState<BuddyOverview>(NONE, {
    fetch: (socket) => call(socket, 'buddy:overview', {}),
    on: {
      'buddy:facilitators': (facts, { set }) => set((o) => ({ ...o, ...facts })),
      // Facilitators hear this too, but their own list already holds everyone who asked to be welcomed.
      'buddy:welcomed': (pids, { set }) => {
        if (!facilitator) set((o) => ({ ...o, firstMeeting: pids }));
      },
      'buddy:companion': (companion, { set }) => set((o) => ({ ...o, companion })),
    },
  });
  return overview;
}
