import type { MeetingFormat } from '@circle/shared';
import { call } from '../socket';
import { useRoomContext } from '../room/RoomContext';
import { useServerState } from '../room/useServerState';

/** The group's saved format, for facilitators: read on admission and again whenever one of them saves it. */
export function useSavedFormat(): MeetingFormat | null {
  const { facilitator } = useRoomContext();
  const [saved] = useServerState<MeetingFormat | null>(null, {
    fetch: (socket) => call(socket, 'format:get', {}),
    on: { 'format:saved': (_saved, { refetch }) => refetch() },
    enabled: facilitator,
  });
  return saved;
}
