import type { JournalEntry } from '@circle/shared';
import { call } from '../socket';
import { useServerState } from '../room/useServerState';

/** This person's own journal, newest first, asked again on every admission and after each change. */
export function useJournal(): { entries: JournalEntry[] | null; refetch: () => void } {
  const [entries, , refetch] = useServerState<JournalEntry[] | null>(null, {
    fetch: async (socket) => (await call(socket, 'journal:mine', {})).entries,
  });
  return { entries, refetch };
}
