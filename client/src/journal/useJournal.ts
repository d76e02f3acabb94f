import type { JournalEntry } from '@circle/shared';
import { call } from '../socket';
import { useServerState } from '../room/useServerState';

/**
 * Whether this person's journal was empty when last seen in the room, by group: the closing screen then
 * asks the newcomer's "How was it?". Kept in memory only, for this page.
 */
const emptyJournal = new Map<string, boolean>();
export const journalWasEmpty = (groupId: string) => emptyJournal.get(groupId) === true;

/** This person's own journal, newest first, asked again on every admission and after each change. */
export function useJournal(groupId: string): { entries: JournalEntry[] | null; refetch: () => void } {
  const [entries, , refetch] = useServerState<JournalEntry[] | null>(null, {
    fetch: async (socket) => {
      const { entries: mine } = await call(socket, 'journal:mine', {});
      emptyJournal.set(groupId, mine.length === 0);
      return mine;
    },
  });
  return { entries, refetch };
}
