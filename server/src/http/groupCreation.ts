import type { RequestHandler } from 'express';
import { KeyedRateLimiter } from '../socket/rateLimit.js';
import { clientAddress } from './clientAddress.js';
import { sameSecret } from './secrets.js';

export interface GroupCreationPolicy {
  /** When set, creating a group needs it (the operator's own instance, not an open service). */
  adminPassword?: string;
  /** Groups one address may create per hour on average... */
  perHour: number;
  /** ...and at once. */
  burst: number;
  /** Reverse proxies in front of this server whose X-Forwarded-For is believed (see clientAddress). */
  trustedProxies: number;
}

/**
 * Guards POST /api/groups: every attempt (a wrong password too, so guessing it is slow) takes a token from
 * its address's bucket, then the creation password is checked when the operator set one. Each group costs
 * a store write and three signed links, so without this one client could fill the disk from the home page.
 */
export function guardGroupCreation(policy: GroupCreationPolicy, now: () => number): RequestHandler {
  const limiter = new KeyedRateLimiter(policy.perHour / 3600, policy.burst, now);
  const expected = policy.adminPassword;
  return (req, res, next) => {
    const address = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      policy.trustedProxies,
    );
    if (!limiter.take(address)) return void res.status(429).json({ error: 'RATE_LIMITED' });
    if (expected) {
      const given = (req.body as { adminPassword?: unknown } | undefined)?.adminPassword;
      if (typeof given !== 'string' || !sameSecret(given, expected))
        return void res.status(401).json({ error: 'FORBIDDEN' });
    }
    next();
  };
}
