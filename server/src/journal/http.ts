import { journalPostSchema } from '@circle/shared';
import { Router, type Response } from 'express';
import { AppError } from '../errors.js';
import type { Groups } from '../groups/service.js';
import { clientAddress } from '../http/clientAddress.js';
import type { Identities } from '../identity/service.js';
import { KeyedRateLimiter } from '../socket/rateLimit.js';
import type { Journals } from './store.js';

/**
 * Each post is a store write, so both who writes and from where are limited. A closing screen writes once
 * or twice per meeting; an address may be a whole treatment centre's Wi-Fi, hence its larger budget.
 */
export const JOURNAL_POSTS = {
  perIdentityBurst: 5,
  perIdentityPerHour: 12,
  perAddressBurst: 30,
  perAddressPerHour: 120,
} as const;

export interface JournalRouteDeps {
  journals: Journals;
  groups: Groups;
  identities: Identities;
  now: () => number;
  /** Reverse proxies in front of this server whose X-Forwarded-For is believed (see clientAddress). */
  trustedProxies: number;
}

/**
 * The closing screen writes here: once a meeting ends the room lets everyone go, so there is no joined
 * connection to send `journal:write` on. The identity token (unguessable, kept in that browser only) is
 * what makes the journal one's own; the link only says which group.
 */
export function journalRoutes(deps: JournalRouteDeps): Router {
  const router = Router();
  const perHour = (n: number) => n / 3600;
  const byAddress = new KeyedRateLimiter(
    perHour(JOURNAL_POSTS.perAddressPerHour),
    JOURNAL_POSTS.perAddressBurst,
    deps.now,
  );
  const byIdentity = new KeyedRateLimiter(
    perHour(JOURNAL_POSTS.perIdentityPerHour),
    JOURNAL_POSTS.perIdentityBurst,
    deps.now,
  );
  const limited = (res: Response) => void res.status(429).json({ error: 'RATE_LIMITED' });

  router.post('/api/journal', async (req, res) => {
    // Every attempt counts, a wrong link or identity too: trying tokens from one address stays slow.
    const address = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      deps.trustedProxies,
    );
    if (!byAddress.take(address)) return limited(res);
    const bearer = req.get('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
    const invite = bearer ? await deps.groups.resolveInvite(bearer) : null;
    if (!invite) return void res.status(404).json({ error: 'INVALID_TOKEN' });
    const parsed = journalPostSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    const { identity, name, meetingId, entry } = parsed.data;
    const pid = await deps.identities.resolve(invite.group.id, identity);
    if (!pid) return void res.status(404).json({ error: 'NOT_FOUND' });
    if (!byIdentity.take(`${invite.group.id}:${pid}`)) return limited(res);
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
