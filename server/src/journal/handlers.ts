import { defineDomain } from '../domain.js';
import type { HandlerTable } from '../socket/context.js';
import { journalRoutes, type JournalRouteDeps } from './http.js';

/**
 * My journal. Every command acts on the sender's own identity (`pid` comes from the session, never from
 * the payload), so no one can name another member's journal; facilitators read only shared entries.
 */
export const journalDomain = (deps: JournalRouteDeps) => {
  const { journals } = deps;
  return defineDomain({
    name: 'journal',
    routes: journalRoutes(deps),
    handlers: {
      'journal:write': async ({ room, pid }, p) => {
        const name = room.participant(pid)?.name ?? '';
        return journals.write(room.id, { pid, name }, room.record.meetingId, p);
      },
      'journal:mine': async ({ room, pid }) => ({ entries: await journals.mine(room.id, pid) }),
      'journal:share': async ({ room, pid }, p) => (await journals.share(room.id, pid, p.id, p.on), null),
      'journal:delete': async ({ room, pid }, p) => (await journals.delete(room.id, pid, p.id), null),
      'journal:shared': async ({ room }) => ({ entries: await journals.shared(room.id) }),
    } satisfies HandlerTable,
  });
};
