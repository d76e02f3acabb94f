import { buddyPostSchema } from '@circle/shared';
import { Router } from 'express';
import { AppError } from '../errors.js';
import type { Groups } from '../groups/service.js';
import type { Identities } from '../identity/service.js';
import type { BuddyInvitations } from './invitations.js';

export interface BuddyRouteDeps {
  buddies: BuddyInvitations;
  groups: Groups;
  identities: Identities;
}

/**
 * A member makes a buddy invitation before a meeting (or after one, from the closing screen), when no
 * joined connection exists. The member link says which group; the identity token (kept in that browser
 * only) says who: the invitation is bound to that identity, as one made in the room.
 */
export function buddyRoutes(deps: BuddyRouteDeps): Router {
  const router = Router();
  router.post('/api/buddy', async (req, res) => {
    const bearer = /^Bearer (.{1,512})$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const invite = bearer ? await deps.groups.resolveInvite(bearer) : null;
    if (!invite) return void res.status(404).json({ error: 'INVALID_TOKEN' });
    // A member's own link only: the public list's Join link is anyone's, and a buddy is not a member yet.
    if (invite.role !== 'member' || deps.groups.isListingToken(bearer))
      return void res.status(403).json({ error: 'FORBIDDEN' });
    const parsed = buddyPostSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    const pid = await deps.identities.resolve(invite.group.id, parsed.data.identity);
    if (!pid) return void res.status(404).json({ error: 'NOT_FOUND' });
    if (deps.groups.isExcluded(invite.group, pid)) return void res.status(403).json({ error: 'EXCLUDED' });
    try {
      const made = await deps.buddies.create(invite.group.id, pid);
      res.status(201).set('cache-control', 'no-store').json(made);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'LIMIT') throw err;
      res.status(409).json({ error: 'LIMIT' });
    }
  });
  return router;
}
