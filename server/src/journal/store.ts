import { LIMITS, type JournalEntry, type JournalEntryInput, type SharedJournalEntry } from '@circle/shared';
import { AppError } from '../errors.js';
import { groupKey } from '../groups/service.js';
import type { Store } from '../store/types.js';
import { newId } from '../tokens.js';

/**
 * One log per personal identity, under the group's prefix (deleting the group deletes it) and named by
 * the identity (forgetting the identity deletes it). Only the member's own words and picks are kept.
 */
export const journalKey = (groupId: string, pid: string) => `${groupKey(groupId)}journal:${pid}`;

interface Stored extends JournalEntry {
  /** The author's name when writing, so the facilitators know whose shared entry they read. */
  name: string;
}

/** Gone with the identity (erased, or forgotten by retention): nobody could ever reach them again. */
export const eraseJournal = (store: Store, groupId: string, pid: string) =>
  store.rewriteLog(journalKey(groupId, pid), () => []);

const plain = ({ name: _name, ...entry }: Stored): JournalEntry => entry;

export class Journals {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async write(
    groupId: string,
    author: { pid: string; name: string },
    meetingId: string | null,
    input: JournalEntryInput,
  ): Promise<JournalEntry> {
    const key = journalKey(groupId, author.pid);
    const entry: Stored = { ...input, id: newId(), at: this.now(), meetingId, name: author.name };
    if ((await this.store.read<Stored>(key)).length >= LIMITS.journalEntriesMax) throw new AppError('LIMIT');
    // Two tabs racing past the check above still cannot grow the log beyond the bound.
    await this.store.rewriteLog<Stored>(key, (all) =>
      all.length >= LIMITS.journalEntriesMax ? all : [...all, entry],
    );
    return plain(entry);
  }

  async mine(groupId: string, pid: string): Promise<JournalEntry[]> {
    return (await this.store.read<Stored>(journalKey(groupId, pid))).map(plain).reverse();
  }

  async share(groupId: string, pid: string, id: string, on: boolean): Promise<void> {
    await this.own(groupId, pid, id);
    await this.store.rewriteLog<Stored>(journalKey(groupId, pid), (all) =>
      all.map((e) => (e.id === id ? { ...e, shared: on } : e)),
    );
  }

  async delete(groupId: string, pid: string, id: string): Promise<void> {
    await this.own(groupId, pid, id);
    await this.store.rewriteLog<Stored>(journalKey(groupId, pid), (all) => all.filter((e) => e.id !== id));
    // The deleted words leave the database's files too, as an erased identity's do.
    await this.store.forgetDeleted();
  }

  /** Every member's shared entries, for the facilitators. */
  async shared(groupId: string): Promise<SharedJournalEntry[]> {
    const prefix = journalKey(groupId, '');
    const found: SharedJournalEntry[] = [];
    for (const key of await this.store.keys(prefix)) {
      const pid = key.slice(prefix.length);
      for (const e of await this.store.read<Stored>(key)) if (e.shared) found.push({ ...e, pid });
    }
    return found.sort((a, b) => b.at - a.at);
  }

  private async own(groupId: string, pid: string, id: string) {
    const all = await this.store.read<Stored>(journalKey(groupId, pid));
    // Another person's entry id is simply not among one's own.
    if (!all.some((e) => e.id === id)) throw new AppError('NOT_FOUND');
  }
}
