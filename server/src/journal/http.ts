import { journalPostSchema } from '@circle/shared';
import { Router } from 'express';
import { AppError } from '../errors.js';
import type { Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import type { Journals } from './store.js';

/**
 * The closing screen writes here: once a meeting ends the room lets everyone go, so there is no joined
 * connection to send `journal:write` on. The identity token (unguessable, kept in that browser only) is
 * what makes the journal one's own; the link only says which group.
 */
export function journalRoutes(deps: { journals: Journals; groups: Groups; identities: Identities }): Router {
  const router = Router();
  router.post('/api/journal', async (req, res) => {
    const bearer = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
    const invite = bearer ? await deps.groups.resolveInvite(bearer) : null;
    if (!invite) return void res.status(404).json({ error: 'INVALID_TOKEN' });
    const parsed = journalPostSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    const { identity, name, meetingId, entry } = parsed.data;
    const pid = await deps.identities.resolve(invite.group.id, identity);
    if (!pid) return void res.status(404).json({ error: 'NOT_FOUND' });
    try {
      const written = await deps.journals.write(invite.group.id, { pid, name }, meetingId, entry);
      res.status(201).set('cache-control', 'no-store').json(written);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'LIMIT') throw err;
      res.status(409).json({ error: 'LIMIT' });
    }
  });
  return router;
}
